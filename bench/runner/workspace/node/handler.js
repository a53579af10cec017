exports.handler = async (e, c) => ({ statusCode: 200, body: "ok" });
