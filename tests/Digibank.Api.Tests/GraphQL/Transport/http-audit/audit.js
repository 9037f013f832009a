// Runs the graphql-http audit of the GraphQL-over-HTTP specification against the URL given and prints one
// JSON line per audit: id, name (it starts with MUST, SHOULD or MAY), status (ok, warn, error) and reason.
"use strict";
const { auditServer } = require("graphql-http");

auditServer({ url: process.argv[2] }).then(async (results) => {
  for (const result of results) {
    console.log(JSON.stringify({
      id: result.id,
      name: result.name,
      status: result.status,
      reason: result.status === "ok" ? null : result.reason,
    }));
  }
});
