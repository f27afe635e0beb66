exports.handler = async (event) => ({ statusCode: 200, body: "legacy" });
