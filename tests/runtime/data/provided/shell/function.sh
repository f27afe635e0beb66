# The tutorial's handler: echoes the event, here as JSON with the worker's process id
# (the same on a warm invocation); {"fail":...} fails, {"sleep":N} sleeps N seconds.
function handler () {
  EVENT_DATA=$1
  echo "got event $EVENT_DATA" 1>&2
  case "$EVENT_DATA" in
    *'"fail"'*) return 1 ;;
    *'"sleep"'*) sleep 30 ;;
  esac
  RESPONSE="{\"pid\":$$,\"event\":$EVENT_DATA}"
  echo $RESPONSE
}
