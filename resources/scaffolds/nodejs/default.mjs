// {{function}}: called with the event it is invoked with.
export const {{handler}} = async (event, context) => {
    console.log(`${context.functionName} received`, JSON.stringify(event));
    return { ok: true };
};
