// An HTTP function behind API Gateway (HTTP API, payload format 2.0), as an ES module.

// Runs once per instance, at cold start.
const greeting = process.env.GREETING ?? "Hello";

export const handler = async (event, context) => {
  let name = "world";
  if (event.body) {
    const text = event.isBase64Encoded ? Buffer.from(event.body, "base64").toString() : event.body;
    try {
      name = JSON.parse(text).name ?? name;
    } catch {
      return { statusCode: 400, body: JSON.stringify({ message: "The body is not JSON." }) };
    }
  }
  return {
    statusCode: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ message: `${greeting}, ${name}!`, requestId: context.awsRequestId }),
  };
};
