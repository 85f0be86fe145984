// Starts GraphiQL against this Spark's /graphql, with the saved example operations of the page as tabs.
(function () {
    const examples = Array.from(document.querySelectorAll('script[type="application/graphql"]')).map(function (script) {
        return {
            query: script.textContent.trim() + '\n',
            variables: script.dataset.variables ? JSON.stringify(JSON.parse(script.dataset.variables), null, 2) : undefined
        };
    });
    // GraphiQL fills the variables editor from its props or its stored state, not from the first tab; give the first
    // example's variables only on a first visit, so that a reload never overwrites what the user typed.
    const firstVisit = window.localStorage.getItem('graphiql:tabState') === null;
    const fetcher = GraphiQL.createFetcher({url: new URL('/graphql', window.location.href).toString()});
    ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, {
        fetcher: fetcher,
        defaultEditorToolsVisibility: true,
        defaultTabs: examples,
        defaultQuery: examples[0].query,
        variables: firstVisit ? examples[0].variables : undefined
    }));
})();
