// AWS's custom-runtime tutorial (bash bootstrap + function.sh), kept out of the test file because
// moc's tokenizer misreads shell text inside raw strings.
#pragma once

// The tutorial's shebang is /bin/sh, which is bash on Amazon Linux; Debian's sh is dash.
static const char customRuntimeBootstrap[] = "#!/bin/bash\n"
R"SH(set -euo pipefail
source $LAMBDA_TASK_ROOT/"$(echo $_HANDLER | cut -d. -f1).sh"
while true
do
  HEADERS="$(mktemp)"
  EVENT_DATA=$(curl -sS -LD "$HEADERS" "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/next")
  REQUEST_ID=$(grep -Fi Lambda-Runtime-Aws-Request-Id "$HEADERS" | tr -d '[:space:]' | cut -d: -f2)
  RESPONSE=$($(echo "$_HANDLER" | cut -d. -f2) "$EVENT_DATA")
  curl "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/$REQUEST_ID/response"  -d "$RESPONSE"
done
)SH";

static const char customRuntimeFunction[] = R"SH(
function handler () {
  EVENT_DATA=$1
  echo "$EVENT_DATA" 1>&2;
  RESPONSE="Echoing request: '$EVENT_DATA'"
  echo $RESPONSE
}
)SH";
