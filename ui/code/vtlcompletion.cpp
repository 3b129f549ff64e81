// Completion for mapping templates. The member lists follow AWS's "API Gateway mapping template
// and access logging variable reference".
#include "ui/code/vtlcompletion.h"

#include "ui/code/codeeditor.h"

#include <QRegularExpression>
#include <QShortcut>

namespace Gw::Ui {

namespace {

constexpr int ListId = 7301;

const QStringList &roots()
{
    static const QStringList r = {QStringLiteral("$input"), QStringLiteral("$util"),
                                  QStringLiteral("$context"), QStringLiteral("$stageVariables")};
    return r;
}

// Dotted member paths below each root; method calls carry their argument hint.
QStringList members(const QString &root, const QStringList &stageVariables)
{
    if (root == QLatin1String("input"))
        return {QStringLiteral("body"), QStringLiteral("json('$')"), QStringLiteral("path('$')"),
                QStringLiteral("params()"), QStringLiteral("params('name')")};
    if (root == QLatin1String("util"))
        return {QStringLiteral("escapeJavaScript()"), QStringLiteral("parseJson()"),
                QStringLiteral("urlEncode()"), QStringLiteral("urlDecode()"),
                QStringLiteral("base64Encode()"), QStringLiteral("base64Decode()")};
    if (root == QLatin1String("context"))
        return {QStringLiteral("accountId"), QStringLiteral("apiId"), QStringLiteral("authorizer.claims"),
                QStringLiteral("authorizer.principalId"), QStringLiteral("awsEndpointRequestId"),
                QStringLiteral("domainName"), QStringLiteral("domainPrefix"), QStringLiteral("error.message"),
                QStringLiteral("error.messageString"), QStringLiteral("error.responseType"),
                QStringLiteral("error.validationErrorString"), QStringLiteral("extendedRequestId"),
                QStringLiteral("httpMethod"), QStringLiteral("identity.accountId"),
                QStringLiteral("identity.apiKey"), QStringLiteral("identity.apiKeyId"),
                QStringLiteral("identity.caller"), QStringLiteral("identity.cognitoIdentityId"),
                QStringLiteral("identity.sourceIp"), QStringLiteral("identity.user"),
                QStringLiteral("identity.userAgent"), QStringLiteral("identity.userArn"),
                QStringLiteral("path"), QStringLiteral("protocol"), QStringLiteral("requestId"),
                QStringLiteral("requestOverride.header"), QStringLiteral("requestOverride.path"),
                QStringLiteral("requestOverride.querystring"), QStringLiteral("requestTime"),
                QStringLiteral("requestTimeEpoch"), QStringLiteral("resourceId"),
                QStringLiteral("resourcePath"), QStringLiteral("responseOverride.header"),
                QStringLiteral("responseOverride.status"), QStringLiteral("stage")};
    if (root == QLatin1String("stageVariables"))
        return stageVariables;
    return {};
}

} // namespace

VtlCompletion::VtlCompletion(CodeEditor *editor)
    : QObject(editor)
    , m_editor(editor)
{
    connect(m_editor, &QsciScintilla::SCN_CHARADDED, this, [this](int ch) {
        if (ch == '$' || ch == '.' || QChar(ch).isLetter())
            complete();
    });
    connect(m_editor, &QsciScintilla::userListActivated, this, [this](int id, const QString &text) {
        if (id == ListId)
            insert(text);
    });
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Space), m_editor);
    shortcut->setContext(Qt::WidgetShortcut);
    connect(shortcut, &QShortcut::activated, this, &VtlCompletion::complete);
}

QString VtlCompletion::tokenBefore(const QString &line)
{
    static const QRegularExpression re(QStringLiteral("\\$!?\\{?[A-Za-z_][A-Za-z0-9_.]*$|\\$!?\\{?$"));
    const QRegularExpressionMatch m = re.match(line);
    return m.hasMatch() ? m.captured(0) : QString();
}

QStringList VtlCompletion::candidates(const QString &token, const QStringList &stageVariables)
{
    if (!token.startsWith(QLatin1Char('$')))
        return {};
    QString t = token.mid(1);
    if (t.startsWith(QLatin1Char('!')))
        t.remove(0, 1);
    if (t.startsWith(QLatin1Char('{')))
        t.remove(0, 1);
    const int dot = int(t.indexOf(QLatin1Char('.')));
    QStringList out;
    if (dot < 0) {
        for (const QString &r : roots())
            if (r.mid(1).startsWith(t))
                out << r;
        return out;
    }
    const QString root = t.left(dot);
    const QString rest = t.mid(dot + 1);              // "identity.so"
    const int lastDot = int(rest.lastIndexOf(QLatin1Char('.')));
    const QString parent = lastDot < 0 ? QString() : rest.left(lastDot + 1); // "identity."
    const QString prefix = rest.mid(lastDot + 1);      // "so"
    for (const QString &m : members(root, stageVariables)) {
        if (!m.startsWith(parent))
            continue;
        const QString tail = m.mid(parent.size());
        const QString segment = tail.section(QLatin1Char('.'), 0, 0);
        // A segment with an argument hint ("json('$')") is still a single segment.
        if (segment.startsWith(prefix) && !out.contains(segment))
            out << segment;
    }
    out.sort();
    return out;
}

bool VtlCompletion::complete()
{
    int line = 0;
    int index = 0;
    m_editor->getCursorPosition(&line, &index);
    const QString token = tokenBefore(m_editor->text(line).left(index));
    const QStringList list = candidates(token, m_stageVariables);
    if (list.isEmpty())
        return false;
    m_editor->showUserList(ListId, list);
    return true;
}

void VtlCompletion::insert(const QString &choice)
{
    int line = 0;
    int index = 0;
    m_editor->getCursorPosition(&line, &index);
    const QString token = tokenBefore(m_editor->text(line).left(index));
    // Replace what was typed of the last segment (for a root: the whole "$in").
    qsizetype typed = 0;
    if (choice.startsWith(QLatin1Char('$')))
        typed = token.size();
    else
        typed = token.size() - token.lastIndexOf(QLatin1Char('.')) - 1;
    m_editor->setSelection(line, int(index - typed), line, index);
    m_editor->replaceSelectedText(choice);
}

} // namespace Gw::Ui
