// Request identifiers in AWS's shapes: x-amzn-RequestId (a UUID) and x-amz-apigw-id /
// apigw-requestid (16 characters ending in '=').
#include "runtime/requestids.h"

#include <QRandomGenerator>

#include <cstring>

#include <random>

namespace Gw::Runtime {

// One system-seeded generator per thread: ids need to be unique, not secret, and asking the
// kernel for randomness on every request would show on the fast path.
static std::mt19937_64 &generator()
{
    thread_local std::mt19937_64 g(QRandomGenerator::system()->generate64());
    return g;
}

QString newRequestId()
{
    auto &g = generator();
    quint64 hi = g();
    quint64 lo = g();
    hi = (hi & ~quint64(0xF000)) | quint64(0x4000);                 // version 4
    lo = (lo & ~(quint64(0xC) << 60)) | (quint64(0x8) << 60);       // RFC 4122 variant
    static const char hex[] = "0123456789abcdef";
    char out[36];
    int pos = 0;
    auto put = [&](quint64 v, int nibbles) {
        for (int i = nibbles - 1; i >= 0; --i)
            out[pos++] = hex[(v >> (i * 4)) & 0xF];
    };
    put(hi >> 32, 8);
    out[pos++] = '-';
    put((hi >> 16) & 0xFFFF, 4);
    out[pos++] = '-';
    put(hi & 0xFFFF, 4);
    out[pos++] = '-';
    put(lo >> 48, 4);
    out[pos++] = '-';
    put(lo & 0xFFFFFFFFFFFFull, 12);
    return QString::fromLatin1(out, 36);
}

QByteArray newApiGatewayId()
{
    auto &g = generator();
    char bytes[11];
    const quint64 a = g();
    const quint64 b = g();
    memcpy(bytes, &a, 8);
    memcpy(bytes + 8, &b, 3);
    return QByteArray(bytes, 11).toBase64();
}

} // namespace Gw::Runtime
