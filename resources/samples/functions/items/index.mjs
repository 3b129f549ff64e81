// Lambda handler (HTTP API payload format 2.0) for the JWT sample: items in memory, plus a
// public route that shows who called.

const items = new Map([
  ['1', { id: '1', name: 'notebook', owner: 'seed' }],
  ['2', { id: '2', name: 'pencil', owner: 'seed' }],
]);
let nextId = 3;

function json(statusCode, body) {
  return {
    statusCode,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}

// The JWT authorizer puts the verified claims here (payload 2.0).
function claimsOf(event) {
  return event.requestContext?.authorizer?.jwt?.claims ?? {};
}

export const handler = async (event) => {
  switch (event.routeKey) {
    case 'GET /items':
      return json(200, { items: [...items.values()] });

    case 'POST /items': {
      let body;
      try {
        const text = event.isBase64Encoded
          ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
          : event.body ?? '';
        body = JSON.parse(text || '{}');
      } catch (e) {
        return json(400, { message: `invalid JSON body: ${e.message}` });
      }
      if (typeof body.name !== 'string' || body.name.length === 0) {
        return json(400, { message: 'name is required' });
      }
      const item = { id: String(nextId++), name: body.name, owner: claimsOf(event).sub ?? 'unknown' };
      items.set(item.id, item);
      return json(201, item);
    }

    case 'GET /public':
      return json(200, {
        message: 'this route needs no token',
        sourceIp: event.requestContext?.http?.sourceIp,
        time: event.requestContext?.time,
      });

    default:
      return json(404, { message: `no handler for ${event.routeKey}` });
  }
};
