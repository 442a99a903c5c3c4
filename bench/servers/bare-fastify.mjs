// Baseline 2: a bare Fastify handler running the same single SELECT as our public course list
// (same SQL text, also as a named prepared statement), answering the rows as JSON.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import pg from 'pg';

const [statementFile, port] = process.argv.slice(2);
const statement = JSON.parse(readFileSync(statementFile, 'utf8'));
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const app = Fastify({ logger: false });
app.get('/courses/:site', async (request) => {
  const values = statement.params.map((param) => (param === '$site' ? request.params.site : param));
  const result = await pool.query({ name: 'bench_courses', text: statement.sql, values });
  return { data: result.rows };
});
await app.listen({ host: '127.0.0.1', port: Number(port) });
process.send?.('ready');
