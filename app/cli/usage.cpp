// The top-level --help text: the command-line contract of DESIGN.md.
#include "app/cli/cli.h"

namespace Gw::Cli {

QString usage()
{
    return QStringLiteral(
        "apigw-studio " GW_VERSION " - design, run and trace AWS API Gateway APIs locally\n"
        "\n"
        "usage:\n"
        "  apigw-studio [FILE]                      GUI, optionally opening a project\n"
        "  apigw-studio serve FILE [--host H] [--port N] [--stage S] [--trace-db F | --no-history]\n"
        "                          [--tls] [--cert F --key F] [--truststore F]\n"
        "  apigw-studio invoke FILE --method M --path P [-H 'K: V']... [--data BODY|@FILE]\n"
        "                           [--trace text|json|log]\n"
        "  apigw-studio lint FILE\n"
        "  apigw-studio import IN -o PROJECT.apigw.json [--api-type rest|http]\n"
        "  apigw-studio export FILE --format openapi|sam [--api NAME] [-o OUT] [--yaml] [--swagger2]\n"
        "  apigw-studio template render TEMPLATE.vtl [--body F] [--params JSON] [--context JSON]\n"
        "                           [--stage-variables JSON]\n"
        "  apigw-studio token [--issuer U] [--aud A]... [--scope S]... [--claim k=v]... [--expires 1h]\n"
        "  apigw-studio traces [--failed] [--limit N] [--db F] [--format text|json|har]\n"
        "  apigw-studio --help | --version\n"
        "\n"
        "Each command accepts --help. Exit codes: 0 success, 1 the input has errors\n"
        "(printed as file:location: error: message), 2 usage error.\n");
}

} // namespace Gw::Cli
