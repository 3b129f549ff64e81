"""Lambda proxy handler for the PetStore sample: list, get and create pets in memory.

The store lives in the warm process, so pets created with POST survive until the local
function host recycles the process (as on AWS, where it lasts as long as the execution
environment).
"""
import json

PETS = {
    1: {"id": 1, "type": "dog", "price": 249.99},
    2: {"id": 2, "type": "cat", "price": 124.99},
    3: {"id": 3, "type": "fish", "price": 0.99},
}
ALLOWED_TYPES = {"dog", "cat", "fish"}


def respond(status_code, body):
    return {
        "statusCode": status_code,
        "headers": {
            "Content-Type": "application/json",
            # Proxy integrations must send their own CORS headers (API Gateway adds none).
            "Access-Control-Allow-Origin": "*",
        },
        "body": json.dumps(body),
    }


def list_pets(event):
    params = event.get("queryStringParameters") or {}
    pets = list(PETS.values())
    if params.get("type"):
        pets = [p for p in pets if p["type"] == params["type"]]
    return respond(200, pets)


def get_pet(event):
    raw_id = (event.get("pathParameters") or {}).get("petId", "")
    try:
        pet_id = int(raw_id)
    except ValueError:
        return respond(400, {"message": "petId must be a number, got %r" % raw_id})
    pet = PETS.get(pet_id)
    if pet is None:
        return respond(404, {"message": "pet %d not found" % pet_id})
    return respond(200, pet)


def create_pet(event):
    try:
        body = json.loads(event.get("body") or "{}")
    except json.JSONDecodeError as e:
        return respond(400, {"message": "invalid JSON body: %s" % e})
    if not isinstance(body, dict):
        return respond(400, {"message": "expected a JSON object"})
    pet_type = body.get("type")
    price = body.get("price")
    if pet_type not in ALLOWED_TYPES:
        return respond(400, {"message": "type must be one of %s" % sorted(ALLOWED_TYPES)})
    if not isinstance(price, (int, float)) or price < 0:
        return respond(400, {"message": "price must be a non-negative number"})
    pet_id = max(PETS) + 1 if PETS else 1
    pet = {"id": pet_id, "type": pet_type, "price": price}
    PETS[pet_id] = pet
    return respond(201, pet)


ROUTES = {
    ("GET", "/pets"): list_pets,
    ("POST", "/pets"): create_pet,
    ("GET", "/pets/{petId}"): get_pet,
}


def handler(event, context):
    route = ROUTES.get((event.get("httpMethod"), event.get("resource")))
    if route is None:
        return respond(404, {"message": "no handler for %s %s"
                             % (event.get("httpMethod"), event.get("resource"))})
    return route(event)
