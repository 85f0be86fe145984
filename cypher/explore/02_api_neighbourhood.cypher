// An API and everything around it. :param api => 'pandas.DataFrame.groupby'
MATCH (a:Api {qualifiedName: $api})
OPTIONAL MATCH (d:Doc)-[r1:DOCUMENTS]->(a)
OPTIONAL MATCH (les:Lesson)-[r2:APPLIES_TO]->(a)
OPTIONAL MATCH (f:FailurePattern)-[r3:INVOLVES]->(a)
RETURN a, d, r1, les, r2, f, r3;
