// Baseline: bare node:http serving one page's bytes, exactly as our server sends them (same
// encoding and headers). Nothing serves that page cheaper.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [file, port] = process.argv.slice(2);
const { headers, body } = JSON.parse(readFileSync(file, 'utf8'));
const bytes = Buffer.from(body, 'base64');

createServer((_request, response) => {
  response.writeHead(200, { ...headers, 'content-length': bytes.length });
  response.end(bytes);
}).listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
