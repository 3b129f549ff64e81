// The method execution diagram.
#include "ui/editors/executiondiagram.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>

namespace Gw::Ui {

namespace {

const QColor Accent(0x23, 0x6b, 0xd4);
const QColor Border(0xc9, 0xd1, 0xdb);
const QColor Flow(0x8a, 0x94, 0xa3);

// An arrow from a to b with a filled head at b.
void arrow(QPainter &p, QPointF a, QPointF b)
{
    p.drawLine(a, b);
    const QLineF line(b, a);
    const double angle = std::atan2(-line.dy(), line.dx());
    const double size = 7;
    const QPointF p1 = b + QPointF(std::sin(angle + M_PI / 3) * size, std::cos(angle + M_PI / 3) * size);
    const QPointF p2 = b + QPointF(std::sin(angle + M_PI - M_PI / 3) * size, std::cos(angle + M_PI - M_PI / 3) * size);
    QPainterPath head;
    head.moveTo(b);
    head.lineTo(p1);
    head.lineTo(p2);
    head.closeSubpath();
    p.fillPath(head, p.pen().color());
}

} // namespace

ExecutionBox::ExecutionBox(const QString &stepName, const QString &title, QWidget *parent)
    : QAbstractButton(parent)
    , m_title(title)
{
    setObjectName(stepName);
    setCheckable(true);
    setCursor(Qt::PointingHandCursor);
    setAccessibleName(title);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ExecutionBox::setSummary(const QString &summary)
{
    if (m_summary == summary)
        return;
    m_summary = summary;
    setToolTip(m_title + QLatin1Char('\n') + summary);
    update();
}

void ExecutionBox::setProblem(bool problem)
{
    if (m_problem == problem)
        return;
    m_problem = problem;
    update();
}

QSize ExecutionBox::sizeHint() const
{
    const QFontMetrics fm(font());
    return {fm.horizontalAdvance(m_title) + 40, fm.height() * 5 + 14};
}

QSize ExecutionBox::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    return {110, fm.height() * 5 + 14};
}

void ExecutionBox::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5);
    const bool active = isChecked();
    // Light or dark palette (View ▸ Theme): the same layout in colours readable on either.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const QColor fill = dark ? (active ? QColor(0x1f, 0x35, 0x56) : (underMouse() ? QColor(0x35, 0x39, 0x3f) : QColor(0x2b, 0x2e, 0x33)))
                             : (active ? QColor(0xe8, 0xf0, 0xfd) : (underMouse() ? QColor(0xf5, 0xf8, 0xfc) : QColor(Qt::white)));
    p.setPen(QPen(active ? Accent : (dark ? QColor(0x4a, 0x51, 0x60) : Border), active ? 2 : 1));
    p.setBrush(fill);
    p.drawRoundedRect(r, 6, 6);
    // The AWS-blue header strip.
    QRectF header(r.left(), r.top(), r.width(), 4);
    p.setPen(Qt::NoPen);
    p.setBrush(active ? Accent : (dark ? QColor(0x3d, 0x5a, 0x8a) : QColor(0x9d, 0xb8, 0xe6)));
    QPainterPath clip;
    clip.addRoundedRect(r, 6, 6);
    p.save();
    p.setClipPath(clip);
    p.drawRect(header);
    p.restore();

    const int pad = 8;
    QRectF text = r.adjusted(pad, pad + 2, -pad, -pad);
    QFont titleFont = font();
    titleFont.setBold(true);
    p.setFont(titleFont);
    p.setPen(dark ? QColor(0xe6, 0xe8, 0xeb) : QColor(0x1f, 0x23, 0x28));
    QFontMetrics tfm(titleFont);
    // A narrow dock: shrink the title a little before eliding it ("Integration Response" matters).
    while (tfm.horizontalAdvance(m_title) > text.width() && titleFont.pointSizeF() > font().pointSizeF() * 0.8) {
        titleFont.setPointSizeF(titleFont.pointSizeF() - 0.5);
        p.setFont(titleFont);
        tfm = QFontMetrics(titleFont);
    }
    p.drawText(text, Qt::AlignLeft | Qt::AlignTop, tfm.elidedText(m_title, Qt::ElideRight, int(text.width())));
    text.adjust(0, tfm.height(), 0, 0);

    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    const QFontMetrics sfm(small);
    p.setPen(dark ? QColor(0x9a, 0xa3, 0xb0) : QColor(0x6b, 0x72, 0x80));
    p.drawText(text, Qt::AlignLeft | Qt::AlignTop, sfm.elidedText(QStringLiteral("step: ") + objectName(), Qt::ElideRight, int(text.width())));
    text.adjust(0, sfm.height() + 2, 0, 0);
    p.setPen(dark ? QColor(0xc4, 0xc9, 0xd1) : QColor(0x37, 0x41, 0x51));
    const QStringList lines = m_summary.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (text.height() < sfm.height())
            break;
        p.drawText(text, Qt::AlignLeft | Qt::AlignTop, sfm.elidedText(line, Qt::ElideRight, int(text.width())));
        text.adjust(0, sfm.height(), 0, 0);
    }
    if (m_problem) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xd6, 0x45, 0x45));
        p.drawEllipse(QPointF(r.right() - 9, r.top() + 11), 4, 4);
    }
}

ExecutionDiagram::ExecutionDiagram(QWidget *parent)
    : QWidget(parent)
    , m_methodRequest(new ExecutionBox(QStringLiteral("validate"), tr("Method Request"), this))
    , m_integrationRequest(new ExecutionBox(QStringLiteral("mapRequest"), tr("Integration Request"), this))
    , m_integration(new ExecutionBox(QStringLiteral("integrate"), tr("Integration"), this))
    , m_integrationResponse(new ExecutionBox(QStringLiteral("mapResponse"), tr("Integration Response"), this))
    , m_methodResponse(new ExecutionBox(QStringLiteral("respond"), tr("Method Response"), this))
{
    setObjectName(QStringLiteral("executionDiagram"));
    auto *group = new QButtonGroup(this);
    group->setExclusive(true);
    for (ExecutionBox *b : boxes()) {
        group->addButton(b);
        connect(b, &QAbstractButton::clicked, this, [this, b] { Q_EMIT boxClicked(b->stepName()); });
    }

    auto label = [this](const QString &text) {
        auto *l = new QLabel(text, this);
        l->setAlignment(Qt::AlignCenter);
        QPalette pal = l->palette();
        pal.setColor(QPalette::WindowText, QColor(0x6b, 0x72, 0x80));
        l->setPalette(pal);
        return l;
    };
    // Columns: client, gap, box, gap, box, gap, integration. Gaps hold the painted arrows.
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(4, 4, 4, 4);
    grid->setHorizontalSpacing(0);
    grid->setVerticalSpacing(14);
    grid->addWidget(label(tr("Client")), 0, 0, 2, 1);
    grid->addWidget(m_methodRequest, 0, 2);
    grid->addWidget(m_integrationRequest, 0, 4);
    grid->addWidget(m_methodResponse, 1, 2);
    grid->addWidget(m_integrationResponse, 1, 4);
    grid->addWidget(m_integration, 0, 6, 2, 1);
    m_integration->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    for (int gap : {1, 3, 5})
        grid->setColumnMinimumWidth(gap, 28);
    grid->setColumnMinimumWidth(0, 48);
    for (int col : {2, 4, 6})
        grid->setColumnStretch(col, 1);
}

QList<ExecutionBox *> ExecutionDiagram::boxes() const
{
    return {m_methodRequest, m_integrationRequest, m_integration, m_integrationResponse, m_methodResponse};
}

void ExecutionDiagram::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Flow, 1.5));
    const QRect mreq = m_methodRequest->geometry();
    const QRect ireq = m_integrationRequest->geometry();
    const QRect integ = m_integration->geometry();
    const QRect ires = m_integrationResponse->geometry();
    const QRect mres = m_methodResponse->geometry();
    const int clientRight = mreq.left() - 24;
    // Request path, left to right along the top row.
    arrow(p, QPointF(clientRight, mreq.center().y()), QPointF(mreq.left() - 2, mreq.center().y()));
    arrow(p, QPointF(mreq.right() + 2, mreq.center().y()), QPointF(ireq.left() - 2, ireq.center().y()));
    arrow(p, QPointF(ireq.right() + 2, ireq.center().y()), QPointF(integ.left() - 2, ireq.center().y()));
    // Response path, right to left along the bottom row.
    arrow(p, QPointF(integ.left() - 2, ires.center().y()), QPointF(ires.right() + 2, ires.center().y()));
    arrow(p, QPointF(ires.left() - 2, ires.center().y()), QPointF(mres.right() + 2, mres.center().y()));
    arrow(p, QPointF(mres.left() - 2, mres.center().y()), QPointF(clientRight, mres.center().y()));
}

} // namespace Gw::Ui
