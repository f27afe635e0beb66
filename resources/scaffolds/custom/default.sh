#!/bin/bash
# {{function}}: a custom runtime, as in AWS's tutorial: this executable `bootstrap` asks
# the Lambda Runtime API for each event with curl and posts the handler's answer back.
# Any language works the same way: run it from here.
set -euo pipefail

# handler is called with the event (JSON) and prints the result.
handler () {
  echo "$AWS_LAMBDA_FUNCTION_NAME received $1" 1>&2
  echo '{"ok":true}'
}

API="http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime"
while true
do
  HEADERS="$(mktemp)"
  # Waits for the next event.
  EVENT_DATA=$(curl -sS -LD "$HEADERS" "$API/invocation/next")
  REQUEST_ID=$(grep -Fi Lambda-Runtime-Aws-Request-Id "$HEADERS" | tr -d '[:space:]' | cut -d: -f2)
  rm -f "$HEADERS"
  if RESPONSE=$(handler "$EVENT_DATA"); then
    curl -sS "$API/invocation/$REQUEST_ID/response" -d "$RESPONSE" > /dev/null
  else
    curl -sS "$API/invocation/$REQUEST_ID/error" -H "Lambda-Runtime-Function-Error-Type: Unhandled" \
      -d '{"errorMessage":"the handler failed","errorType":"HandlerError"}' > /dev/null
  fi
done
