# A backend for tst_cors that sends CORS headers of its own: the gateway must ignore them.
def handler(event, context):
    return {"statusCode": 200,
            "headers": {"Access-Control-Allow-Origin": "https://evil.example",
                        "Access-Control-Allow-Methods": "DELETE",
                        "X-Backend": "yes"},
            "body": "items"}
