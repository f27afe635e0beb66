// Length-prefixed frames on a stream socket, shared by the Lambda model baseline's front
// (lambda_model_front.mjs) and its workers (lambda_model_worker.mjs): each frame is a
// 4-byte big-endian length, then that many bytes of UTF-8 JSON.

// Writes one frame in one write: the length and the text in a single buffer.
export function writeFrame(socket, text) {
    const length = Buffer.byteLength(text);
    const frame = Buffer.allocUnsafe(4 + length);
    frame.writeUInt32BE(length, 0);
    frame.write(text, 4);
    socket.write(frame);
}

// Calls onFrame(text) for each whole frame the socket delivers. A read may hold part of a
// frame or several frames; the bytes of an unfinished frame wait for the next read.
export function readFrames(socket, onFrame) {
    let pending = null;
    socket.on("data", (chunk) => {
        const data = pending ? Buffer.concat([pending, chunk]) : chunk;
        let offset = 0;
        while (data.length - offset >= 4) {
            const length = data.readUInt32BE(offset);
            if (data.length - offset - 4 < length)
                break;
            onFrame(data.toString("utf8", offset + 4, offset + 4 + length));
            offset += 4 + length;
        }
        pending = offset < data.length ? data.subarray(offset) : null;
    });
}
