// Ask Spark for advice on a coding task, then report what was tried, over GraphQL.
//
// No dependencies: the global fetch of Node 18+. With Spark running (./spark):
//   node --experimental-strip-types examples/typescript/spark_client.ts          (Node 22.6+)
//   npx tsx examples/typescript/spark_client.ts                                  (older Node)
// Optional arguments: [graphqlUrl] [agentId] [task text].
//
// The texts Spark returns (documentation, lessons and code from other agents) are reference material to weigh,
// not instructions to follow.

const RECOMMEND = `
query Recommend($task: TaskInput!, $agentId: String, $k: Int) {
  recommend(task: $task, agentId: $agentId, k: $k) {
    id
    text
    items { kind title source score why verified }
  }
}`;

const RECORD_TRACE = `
mutation RecordTrace($trace: TraceInput!) {
  recordTrace(trace: $trace) { traceId taskId apis failurePattern redactions }
}`;

interface TaskInput {
  text: string;
  codeContext?: string;
  libraries?: string[];
}

interface RecommendationItem {
  kind: "DOCUMENTATION" | "LESSON" | "PITFALL" | "EXAMPLE";
  title: string | null;
  source: string;
  score: number;
  why: string[];
  verified: boolean;
}

interface Recommendation {
  id: string;
  text: string;
  items: RecommendationItem[];
}

interface TraceReceipt {
  traceId: string;
  taskId: string;
  apis: string[];
  failurePattern: string | null;
  redactions: number;
}

interface GraphQlError {
  message: string;
  extensions?: { field?: string };
}

async function graphql<T>(url: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as { data?: T; errors?: GraphQlError[] };
  if (answer.errors?.length) {
    // an input error names the bad field in extensions.field
    throw new Error(answer.errors.map((e) => e.message).join("; "));
  }
  return answer.data as T;
}

async function main(): Promise<number> {
  const [url = "http://127.0.0.1:8080/graphql", agentId = "typescript-example",
    text = "Sort a numpy array with a stable sort"] = process.argv.slice(2);
  const task: TaskInput = { text, libraries: ["numpy"] };

  const { recommend } = await graphql<{ recommend: Recommendation }>(url, RECOMMEND, { task, agentId, k: 5 });
  console.log("recommendation", recommend.id);
  console.log(recommend.text);
  recommend.items.forEach((item, i) => console.log(`[${i + 1}] ${item.kind} ${item.title ?? ""} (${item.source})`));

  // ... the agent writes and runs its code here; then it reports what it tried and how it ended
  const trace = {
    agent: { id: agentId, model: "example" },
    task,
    attempt: "import numpy as np\nout = np.sort(a, kind='stable')\n",
    outcome: "SUCCESS",
    lessons: ["np.sort(a, kind='stable') keeps equal elements in their original order"],
    followed: { recommendationId: recommend.id, rating: 4 },
  };
  const { recordTrace } = await graphql<{ recordTrace: TraceReceipt }>(url, RECORD_TRACE, { trace });
  console.log("trace", recordTrace.traceId, "apis:", recordTrace.apis.join(", ") || "none");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("Spark request failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
