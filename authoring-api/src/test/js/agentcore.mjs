// Runs AgentCore control-plane calls with the official AWS SDK for JavaScript v3 against a local endpoint.
// stdin: {"endpoint": "http://127.0.0.1:PORT", "calls": [{"op": "GetPolicyEngineSummary", "input": {...}}, ...]}
// stdout: one JSON array, per call {"ok": true, "status": <http status>, "output": {...}}
//         or {"ok": false, "status": ..., "error": {"name", "message", "reason", "fieldList"}}.
// Calls run in order; "$ref:<i>.<path>" strings in an input are replaced by a member of call i's output.
import * as sdk from "@aws-sdk/client-bedrock-agentcore-control";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const request = JSON.parse(Buffer.concat(chunks).toString("utf8"));

const client = new sdk.BedrockAgentCoreControlClient({
  endpoint: request.endpoint,
  region: "us-west-2",
  credentials: { accessKeyId: "AKIDLOCAL", secretAccessKey: "local-secret" },
  maxAttempts: 1,
});

function resolve(value, results) {
  if (typeof value === "string" && value.startsWith("$ref:")) {
    const [index, ...path] = value.slice(5).split(".");
    let v = results[Number(index)].output;
    for (const p of path) v = v?.[p];
    return v;
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, results));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, results)]));
  }
  return value;
}

const results = [];
for (const call of request.calls) {
  const Command = sdk[`${call.op}Command`];
  if (!Command) {
    results.push({ ok: false, status: 0, error: { name: "NoSuchCommand", message: call.op } });
    continue;
  }
  try {
    const { $metadata, ...output } = await client.send(new Command(resolve(call.input ?? {}, results)));
    results.push({ ok: true, status: $metadata.httpStatusCode, output });
  } catch (e) {
    results.push({
      ok: false,
      status: e.$metadata?.httpStatusCode ?? 0,
      error: { name: e.name, message: e.message, reason: e.reason, fieldList: e.fieldList },
    });
  }
}
process.stdout.write(JSON.stringify(results));
