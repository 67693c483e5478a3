# Sourced by test.sh: smtp4dev (a real SMTP server with a REST API to read what arrived) on loopback ports for one test
# run; the tool is pinned in dotnet-tools.json (Rnwood.Smtp4dev 3.15.0) and restored from NuGet.
#   start_smtp4dev SMTP_PORT API_PORT — starts it with an in-memory store; sets and exports PORTAL_TEST_SMTP (host:port)
#                                      and PORTAL_TEST_SMTP_API (http://127.0.0.1:API_PORT)
#   stop_smtp4dev                     — stops it and removes its folder

start_smtp4dev() {
  local smtp_port="$1" api_port="$2" root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  (cd "$root" && dotnet tool restore >/dev/null)
  SMTP4DEV_DIR="$(mktemp -d)"
  (cd "$root" && exec setsid dotnet tool run smtp4dev -- --baseappdatapath="$SMTP4DEV_DIR" --nousersettings --db= --bindaddress=127.0.0.1 \
    --disableipv6 --smtpport="$smtp_port" --imapport= --pop3port= --messagestokeep=1000 --urls="http://127.0.0.1:$api_port" \
    >"$SMTP4DEV_DIR/smtp4dev.log" 2>&1) &
  SMTP4DEV_PID=$!
  local i
  for i in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$api_port/api/messages" >/dev/null 2>&1; then
      export PORTAL_TEST_SMTP="127.0.0.1:$smtp_port" PORTAL_TEST_SMTP_API="http://127.0.0.1:$api_port"
      return 0
    fi
    if ! kill -0 "$SMTP4DEV_PID" 2>/dev/null; then break; fi
    sleep 0.5
  done
  echo "smtp4dev did not start; its log:" >&2
  cat "$SMTP4DEV_DIR/smtp4dev.log" >&2
  return 1
}

stop_smtp4dev() {
  [ -n "${SMTP4DEV_PID:-}" ] || return 0
  # Its own process group (setsid): "dotnet tool run" and the server it starts stop together.
  kill -- "-$SMTP4DEV_PID" 2>/dev/null || true
  wait "$SMTP4DEV_PID" 2>/dev/null || true
  rm -rf "${SMTP4DEV_DIR:-}"
  SMTP4DEV_PID="" SMTP4DEV_DIR=""
}
