// {{function}}: answers HTTP requests routed to it by the API gateway.
export const {{handler}} = async (event, context) => {
    const method = event.requestContext?.http?.method ?? event.httpMethod;
    const path = event.rawPath ?? event.path;
    const body = event.body ? JSON.parse(event.isBase64Encoded ? Buffer.from(event.body, "base64").toString() : event.body) : null;
    console.log(`${method} ${path}`, JSON.stringify(event.pathParameters ?? {}));
    return {
        statusCode: 200,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message: "Hello from {{function}}", path, pathParameters: event.pathParameters ?? {}, received: body }),
    };
};
