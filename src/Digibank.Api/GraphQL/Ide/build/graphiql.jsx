import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import './page.css';

// Worker file names carry content hashes; build.mjs passes them in.
const workers = WORKER_FILES;

// Monaco's workers load from this origin as plain files, so the page needs no blob: or CDN in its CSP.
globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const file = workers[label] ?? workers.editor;
    return new Worker(new URL(file, import.meta.url), { name: label });
  },
};

const DEFAULT_QUERY = `# The Digibank GraphQL API.
# Run this query with the run button or Ctrl-Enter.
# The schema is in the documentation explorer.
#
# Staff fields and mutations need a staff token.
# Put it in the Headers tab below:
#   {"Authorization": "Bearer <token>"}
# It goes with every request, subscriptions too.

query Courses {
  courses(first: 10) {
    totalCount
    nodes {
      title
      startsAt
      seatsLeft
      location {
        name
        street
        municipality { name }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

const root = document.getElementById('graphiql');
const endpoint = new URL(root.dataset.endpoint ?? '/graphql', location.href);
const socketEndpoint = new URL(endpoint);
socketEndpoint.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';

const baseFetcher = createGraphiQLFetcher({
  url: endpoint.href,
  subscriptionUrl: socketEndpoint.href,
  // The API answers in one JSON document; it does not stream multipart responses.
  enableIncrementalDelivery: false,
});

// The headers also become the WebSocket's connection_init payload, where the API reads `authorization` in lower case;
// HTTP header names are case-insensitive, so lower-casing them is harmless for POST.
const fetcher = (params, options) => {
  const headers = Object.fromEntries(Object.entries(options?.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  return baseFetcher(params, { ...options, headers });
};

createRoot(root).render(
  <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />,
);
