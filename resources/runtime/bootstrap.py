"""Nimbus Studio's Python worker: loads one function's handler and runs invocations
sent by the studio. Invocations and results travel on file descriptor 3 as
length-prefixed JSON frames, never on stdout, so print() cannot corrupt them."""
import importlib
import importlib.machinery
import json
import logging
import os
import socket
import struct
import sys
import time
import traceback

PAYLOAD_LIMIT = 6 * 1024 * 1024
channel = socket.socket(fileno=3)


def send(message, text=None):
    # Whatever the handler printed reaches the studio before its result.
    sys.stdout.flush()
    sys.stderr.flush()
    # A result's JSON text follows the frame's head (one line: json.dumps escapes line
    # breaks) as it is, not escaped into a string of the head.
    frame = json.dumps(message) if text is None else json.dumps(message) + "\n" + text
    body = frame.encode("utf-8")
    channel.sendall(struct.pack(">I", len(body)) + body)


def receive():
    header = _read_exactly(4)
    if header is None:
        return None
    (length,) = struct.unpack(">I", header)
    body = _read_exactly(length)
    return None if body is None else json.loads(body.decode("utf-8"))


def _read_exactly(count):
    chunks = []
    while count > 0:
        chunk = channel.recv(min(count, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        count -= len(chunk)
    return b"".join(chunks)


class UserCodeSyntaxError(Exception):
    pass


def error_of(exc, error_type=None):
    # An import that failed is reported with the frames of what failed inside the
    # user's module, and a syntax error with its place, so that the studio can show it.
    cause = exc.__cause__ or exc
    # Frames of this worker and of Python's import machinery say nothing about the user's code.
    machinery = os.path.dirname(importlib.__file__)
    frames = [frame for frame in traceback.extract_tb(cause.__traceback__)
              if frame.filename != __file__ and not frame.filename.startswith("<frozen ")
              and os.path.dirname(frame.filename) != machinery]
    stack = [line.rstrip("\n") for line in traceback.format_list(frames)]
    if isinstance(cause, SyntaxError) and cause.filename:
        stack.append(f'  File "{cause.filename}", line {cause.lineno or 1}')
    return {
        "errorType": error_type or type(exc).__name__,
        "errorMessage": str(exc),
        "stackTrace": stack,
    }


class LambdaContext:
    """The context object of the Python Lambda runtime."""

    def __init__(self, invocation):
        c = invocation["context"]
        self.function_name = c["functionName"]
        self.function_version = "$LATEST"
        self.invoked_function_arn = c["invokedFunctionArn"]
        self.memory_limit_in_mb = int(c["memoryLimitInMB"])
        self.aws_request_id = invocation["requestId"]
        self.log_group_name = c["logGroupName"]
        self.log_stream_name = c["logStreamName"]
        self.identity = None
        self.client_context = None
        self._deadline_ms = invocation["deadlineMs"]

    def get_remaining_time_in_millis(self):
        return max(0, int(self._deadline_ms - time.time() * 1000))


def trace_id(request_id):
    """The X-Ray trace header Lambda sets for an invocation; the SDKs send it with every
    call (recursion detection), which tells the local cloud what caused a write."""
    digits = request_id.replace("-", "")
    return f"Root=1-{digits[:8]}-{digits[8:32]};Parent={digits[16:32]};Sampled=0"


class _TraceVariable:
    """_X_AMZN_TRACE_ID, set for each invocation as Lambda's Python runtime sets it: in
    os.environ for the code, and in the process's own variables for what reads them there
    (a child process started without env=, native code calling getenv()).

    os.environ's assignment calls setenv(), and glibc keeps every value setenv was ever
    given (it cannot free one that a getenv may still hold): a new header per invocation
    grew the worker by about 140 bytes each, until a busy worker crossed its memory size.
    Here the process's variable is one buffer of our own, handed to putenv() (which keeps
    the pointer, not a copy) and written over for each invocation, and os.environ's
    mapping is updated without calling setenv(). Without ctypes the header is in
    os.environ only."""

    NAME = "_X_AMZN_TRACE_ID"

    def __init__(self):
        self._key = os.environ.encodekey(self.NAME)
        self._entry = None
        try:
            import ctypes
            self._putenv = ctypes.CDLL(None).putenv
            self._putenv.argtypes = [ctypes.c_char_p]
            self._putenv.restype = ctypes.c_int
            # The longest header trace_id makes is 74 characters. Two buffers, used in
            # turn: a value a thread read with getenv() stays whole while the next
            # invocation's header is written into the other.
            self._entries = [ctypes.create_string_buffer(256), ctypes.create_string_buffer(256)]
            self._turn = 0
            self._entry = self._entries[0]
        except (ImportError, OSError, AttributeError):
            self._entry = None

    def set(self, header):
        value = os.environ.encodevalue(header)
        entry = self._key + b"=" + value
        if self._entry is None:
            os.environ._data[self._key] = value
        elif len(entry) < len(self._entry):
            self._turn ^= 1
            self._entry = self._entries[self._turn]
            self._entry.value = entry
            # Again each time: the code may have set or removed the variable since.
            self._putenv(self._entry)
            os.environ._data[self._key] = value
        else:
            os.environ[self.NAME] = header


class _PointBotocoreAtEndpoint:
    """Makes every boto3/botocore client use AWS_ENDPOINT_URL (and AWS_ENDPOINT_URL_<SERVICE>)
    unless the code names an endpoint itself: botocore learnt these variables only in 1.31,
    after the one Debian ships. Applied when botocore.session is first imported, so that a
    function without the SDK pays nothing."""

    def find_spec(self, name, path=None, target=None):
        if name != "botocore.session":
            return None
        import importlib.machinery
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return None
        original_exec = spec.loader.exec_module

        def exec_module(module):
            original_exec(module)
            create_client = module.Session.create_client

            def create_client_at_endpoint(self, service_name, *args, **kwargs):
                positional = len(args) >= 5  # region, api_version, use_ssl, verify, endpoint_url
                current = args[4] if positional else kwargs.get("endpoint_url")
                if current is None:
                    variable = "AWS_ENDPOINT_URL_" + service_name.upper().replace("-", "_").replace(" ", "_")
                    endpoint = os.environ.get(variable) or os.environ.get("AWS_ENDPOINT_URL")
                    if endpoint:
                        if positional:
                            args = args[:4] + (endpoint,) + args[5:]
                        else:
                            kwargs["endpoint_url"] = endpoint
                return create_client(self, service_name, *args, **kwargs)

            module.Session.create_client = create_client_at_endpoint

        spec.loader.exec_module = exec_module
        return spec


class _ImportTimer:
    """Times each module the handler's import executes (what `python -X importtime` shows):
    cumulative includes the modules it imported, self does not. Only modules loaded from
    files are timed: the shared loaders of built-in and frozen modules are left alone."""

    def __init__(self):
        self.times = {}  # name -> [cumulative ms, self ms]
        self._stack = []  # children's time of each module being executed

    def find_spec(self, name, path=None, target=None):
        machinery = importlib.machinery
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                break
        else:
            return None
        loader = spec.loader
        if not isinstance(loader, (machinery.SourceFileLoader, machinery.SourcelessFileLoader,
                                   machinery.ExtensionFileLoader)):
            return spec
        original_exec = loader.exec_module

        def exec_module(module):
            self._stack.append(0.0)
            start = time.perf_counter()
            try:
                original_exec(module)
            finally:
                elapsed = (time.perf_counter() - start) * 1000
                children = self._stack.pop()
                if self._stack:
                    self._stack[-1] += elapsed
                self.times[name] = [elapsed, elapsed - children]

        loader.exec_module = exec_module
        return spec

    def ranked(self, limit=200):
        order = sorted(self.times.items(), key=lambda item: -item[1][0])[:limit]
        return [{"module": name, "cumulativeMs": round(c, 3), "selfMs": round(s, 3)} for name, (c, s) in order]


def load_handler():
    task_root = os.environ["LAMBDA_TASK_ROOT"]
    sys.path.insert(0, task_root)
    module_name, _, function_name = os.environ["_HANDLER"].rpartition(".")
    try:
        module = importlib.import_module(module_name.replace("/", "."))
    except SyntaxError as exc:
        raise UserCodeSyntaxError(f"Syntax error in module '{module_name}': {exc}") from exc
    except Exception as exc:  # reported to the caller as Lambda does
        raise ImportError(f"Unable to import module '{module_name}': {exc}") from exc
    handler = getattr(module, function_name, None)
    if not callable(handler):
        raise AttributeError(f"Handler '{function_name}' missing on module '{module_name}'")
    return handler


def become_function():
    """A spare worker, started before a function needs it, becomes that function's
    worker when the studio's first frame names it: its variables (the spare started with
    the runtime's only, never a function's) and its folder. Only then is user code
    loaded. False when the studio went away first. It tells the studio when it is up, so
    that the studio knows a bind now only loads the handler."""
    send({"type": "spare"})
    load = receive()
    if not load or load.get("type") != "load":
        return False
    os.environ.clear()
    os.environ.update(load["env"])
    os.chdir(load["cwd"])
    time.tzset()
    return True



# Lambda's advanced logging controls: with AWS_LAMBDA_LOG_FORMAT=JSON the logging module's
# records become one JSON object per line (timestamp, level, message, logger, requestId) and
# the root logger's level is AWS_LAMBDA_LOG_LEVEL, as Lambda's Python runtime does; print()
# stays plain text. In Text mode nothing changes.
_LOG_LEVELS = {"TRACE": 5, "DEBUG": logging.DEBUG, "INFO": logging.INFO, "WARN": logging.WARNING,
               "ERROR": logging.ERROR, "FATAL": logging.CRITICAL}
_current_request = {"id": None}


class _JsonLogHandler(logging.Handler):
    def emit(self, record):
        try:
            entry = {
                "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
                + ".%03dZ" % int(record.msecs),
                "level": record.levelname,
                "message": record.getMessage(),
                "logger": record.name,
                "requestId": _current_request["id"],
            }
            if record.exc_info and record.exc_info[1] is not None:
                exc = record.exc_info[1]
                entry["errorType"] = type(exc).__name__
                entry["errorMessage"] = str(exc)
                entry["stackTrace"] = traceback.format_tb(record.exc_info[2])
            sys.stdout.write(json.dumps(entry, default=str) + "\n")
        except Exception:
            self.handleError(record)


def structure_logs():
    if os.environ.get("AWS_LAMBDA_LOG_FORMAT", "").upper() != "JSON":
        return
    logging.addLevelName(5, "TRACE")
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(_JsonLogHandler())
    root.setLevel(_LOG_LEVELS.get(os.environ.get("AWS_LAMBDA_LOG_LEVEL", "INFO").upper(), logging.INFO))

# The process's variables keep pointing into its buffers until the process ends (threads
# and atexit hooks run after main() returns): it is never freed.
_trace_variable = None


def main():
    global _trace_variable
    # Made first: a spare pays for loading ctypes before its function comes.
    _trace_variable = trace_variable = _TraceVariable()
    if os.environ.get("NIMBUS_SPARE") == "1" and not become_function():
        return
    structure_logs()
    if os.environ.get("AWS_ENDPOINT_URL"):
        sys.meta_path.insert(0, _PointBotocoreAtEndpoint())
    init_start = time.perf_counter()
    handler, init_error = None, None
    timer = _ImportTimer()
    sys.meta_path.insert(0, timer)
    try:
        handler = load_handler()
    except UserCodeSyntaxError as exc:
        init_error = error_of(exc, "Runtime.UserCodeSyntaxError")
    except ImportError as exc:
        init_error = error_of(exc, "Runtime.ImportModuleError")
    except AttributeError as exc:
        init_error = error_of(exc, "Runtime.HandlerNotFound")
    except Exception as exc:
        init_error = error_of(exc)
    init_ms = (time.perf_counter() - init_start) * 1000
    sys.meta_path.remove(timer)
    send({"type": "initError", "error": init_error, "initDurationMs": init_ms} if init_error
         else {"type": "ready", "initDurationMs": init_ms, "imports": timer.ranked()})

    while True:
        message = receive()
        if message is None:
            return
        if message.get("type") != "invoke":
            continue
        request_id = message["requestId"]
        if init_error:
            send({"type": "error", "requestId": request_id, "error": init_error})
            continue
        trace_variable.set(trace_id(request_id))
        _current_request["id"] = request_id
        try:
            value = handler(message["event"], LambdaContext(message))
            try:
                body = json.dumps(value)
            except (TypeError, ValueError) as exc:
                send({"type": "error", "requestId": request_id,
                      "error": {"errorType": "Runtime.MarshalError",
                                "errorMessage": f"Unable to marshal response: {exc}", "stackTrace": []}})
                continue
            # json.dumps writes ASCII only (\u escapes): its length is its size in bytes.
            if len(body) > PAYLOAD_LIMIT:
                send({"type": "error", "requestId": request_id,
                      "error": {"errorType": "Function.ResponseSizeTooLarge",
                                "errorMessage": f"Response payload size ({len(body)} bytes) exceeded "
                                                f"maximum allowed payload size ({PAYLOAD_LIMIT} bytes).",
                                "stackTrace": []}})
                continue
            send({"type": "result", "requestId": request_id}, body)
        except Exception as exc:
            send({"type": "error", "requestId": request_id, "error": error_of(exc)})


if __name__ == "__main__":
    main()
