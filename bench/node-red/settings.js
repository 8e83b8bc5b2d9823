// Node-RED settings of the bench/compare.sh contestant: HTTP on 127.0.0.1:$NODE_RED_PORT (18080), no editor
// (nothing to click on during a benchmark), no admin API, no credential encryption (there are no
// credentials), logging at info (start-up lines only; compare.sh waits for "Connected to broker").
module.exports = {
    uiHost: "127.0.0.1",
    uiPort: parseInt(process.env.NODE_RED_PORT || "18080", 10),
    httpAdminRoot: false,
    httpNodeRoot: "/",
    apiMaxLength: "10mb",
    flowFile: "flows.json",
    credentialSecret: false,
    editorTheme: { projects: { enabled: false } },
    logging: { console: { level: "info", metrics: false, audit: false } },
    functionGlobalContext: {},
    contextStorage: { default: { module: "memory" } }
};
