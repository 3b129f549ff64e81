# A Lambda authorizer for tst_lambdaauthorizer: its decision depends on the token it is given,
# and each invocation is appended to $COUNT_FILE so the test can tell when it was (not) invoked.
import json, os

def token_of(event):
    if event.get("authorizationToken"):
        return event["authorizationToken"]
    if isinstance(event.get("identitySource"), list):
        return event["identitySource"][0]
    for k, v in (event.get("headers") or {}).items():
        if k.lower() == "x-user":
            return v
    return ""

def allow(resource, base, principal="user-1", context=None, key="gold-key-0123456789abcdef", deny=None):
    statements = [{"Action": "execute-api:Invoke", "Effect": "Allow", "Resource": base + resource}]
    if deny:
        statements.append({"Action": "execute-api:*", "Effect": "Deny", "Resource": [base + deny]})
    out = {"principalId": principal,
           "policyDocument": {"Version": "2012-10-17", "Statement": statements},
           "usageIdentifierKey": key}
    if context is not None:
        out["context"] = context
    return out

def handler(event, context):
    with open(os.environ["COUNT_FILE"], "a") as f:
        f.write(json.dumps({"type": event.get("type"), "version": event.get("version"),
                            "arn": event.get("methodArn") or event.get("routeArn"),
                            "identitySource": event.get("identitySource")}) + "\n")
    token = token_of(event)
    arn = event.get("methodArn") or event.get("routeArn")
    base = arn.split("/")[0]
    if token == "unauthorized":
        raise Exception("Unauthorized")
    if token == "boom":
        raise ValueError("boom")
    if token == "malformed":
        return {"hello": "world"}
    if token == "badcontext":
        return allow("/*", base, context={"obj": {"a": 1}})
    if token == "simple-yes":
        return {"isAuthorized": True, "context": {"team": "blue", "n": 1}}
    if token == "simple-no":
        return {"isAuthorized": False}
    if token == "nothing":
        return allow("/*/POST/*", base)
    if token == "deny":
        return allow("/*", base, deny="/*/*/secre?")
    if token.startswith("allowbadkey"):
        return allow("/*", base, key="no-such-key-0123456789ab")
    if token.startswith("allow"):
        return allow("/*/GET/*", base, principal="user-" + token[5:].strip("-"),
                     context={"role": "admin", "level": 3, "beta": True})
    raise Exception("Unauthorized")
