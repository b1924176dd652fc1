// The minimal node:http pass-through proxy bench/gateway.sh compares with: forwards
// method, path, body and content headers to one upstream over a keep-alive agent and
// pipes the answer back. No auth, no parsing: the floor any gateway pays.
//   node bench/gateway-proxy.mjs PORT UPSTREAM_PORT
import { Agent, createServer, request } from 'node:http';

const port = Number(process.argv[2] ?? 9101);
const upstreamPort = Number(process.argv[3] ?? 9100);
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

createServer((req, res) => {
  const up = request(
    { host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, agent, headers: { 'content-type': req.headers['content-type'] ?? 'application/json', ...(req.headers['content-length'] ? { 'content-length': req.headers['content-length'] } : {}) } },
    (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    },
  );
  up.on('error', () => {
    res.writeHead(502);
    res.end();
  });
  req.pipe(up);
}).listen(port, '127.0.0.1', () => process.stdout.write(`proxy on ${port}\n`));
