"""Lambda handler for the WebSocket chat sample: $connect, $disconnect, sendmessage, $default.

Connections are kept in the warm process (a real deployment would use a table). Messages are
pushed to the other clients through the @connections management API of the stage the event
came from; with boto3 installed the call is SigV4-signed as on AWS, otherwise a plain HTTP POST
is sent (which the local gateway accepts from loopback). CHAT_CALLBACK_URL overrides the URL.
"""
import json
import os
import urllib.error
import urllib.parse
import urllib.request

CONNECTIONS = set()


def callback_url(event):
    override = os.environ.get("CHAT_CALLBACK_URL")
    if override:
        return override.rstrip("/")
    ctx = event["requestContext"]
    domain = ctx.get("domainName", "127.0.0.1")
    scheme = "http" if domain.startswith(("127.", "localhost")) else "https"
    return "%s://%s/%s" % (scheme, domain, ctx.get("stage", ""))


def post_to_connection(endpoint, connection_id, data):
    """Sends data to one connection; returns False when the connection is gone."""
    try:
        import boto3  # optional: signs the request like the AWS SDK does
        client = boto3.client("apigatewaymanagementapi", endpoint_url=endpoint)
        try:
            client.post_to_connection(ConnectionId=connection_id, Data=data)
            return True
        except client.exceptions.GoneException:
            return False
    except ImportError:
        url = "%s/@connections/%s" % (endpoint, urllib.parse.quote(connection_id, safe=""))
        request = urllib.request.Request(url, data=data, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=5):
                return True
        except urllib.error.HTTPError as e:
            if e.code == 410:
                return False
            raise


def broadcast(event, sender, text):
    endpoint = callback_url(event)
    payload = json.dumps({"from": sender, "message": text}).encode("utf-8")
    gone = []
    for connection_id in list(CONNECTIONS):
        if connection_id == sender:
            continue
        if not post_to_connection(endpoint, connection_id, payload):
            gone.append(connection_id)
    for connection_id in gone:
        CONNECTIONS.discard(connection_id)
    return len(CONNECTIONS) - 1


def handler(event, context):
    ctx = event["requestContext"]
    route = ctx.get("routeKey")
    connection_id = ctx.get("connectionId")

    if route == "$connect":
        CONNECTIONS.add(connection_id)
        return {"statusCode": 200}

    if route == "$disconnect":
        CONNECTIONS.discard(connection_id)
        return {"statusCode": 200}

    if route == "sendmessage":
        try:
            body = json.loads(event.get("body") or "{}")
        except json.JSONDecodeError:
            body = {}
        text = body.get("message", "")
        CONNECTIONS.add(connection_id)  # e.g. after a warm-process recycle
        delivered = broadcast(event, connection_id, text)
        # Returned to the sender because the route has a route response.
        return {"statusCode": 200, "body": json.dumps({"delivered": delivered})}

    # $default: anything without a known action.
    return {
        "statusCode": 200,
        "body": json.dumps({"error": "unknown action; send {\"action\":\"sendmessage\",\"message\":\"...\"}"}),
    }
