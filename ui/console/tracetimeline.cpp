// The trace timeline. Steps that took no measurable time still get a 2 px bar so every step
// of the pipeline can be seen and clicked; the axis ticks are 1-2-5 steps of the call's span.
#include "ui/console/tracetimeline.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <cmath>

namespace Gw::Ui {

namespace {

constexpr int axisHeight = 20;
constexpr int laneHeight = 20;
constexpr int margin = 6;

using Outcome = Runtime::TraceStep::Outcome;

} // namespace

TraceTimeline::TraceTimeline(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void TraceTimeline::setTrace(const Runtime::TracePtr &trace)
{
    m_trace = trace;
    m_hover = -1;
    m_selected = -1;
    updateGeometry();
    update();
}

void TraceTimeline::setSelectedStep(int index)
{
    if (!m_trace || index < -1 || index >= m_trace->steps.size())
        index = -1;
    if (index == m_selected)
        return;
    m_selected = index;
    update();
    Q_EMIT stepSelected(index);
}

QString TraceTimeline::stepLabel(const QString &stageName)
{
    static const QHash<QString, QString> labels{
        {QStringLiteral("receive"), tr("Receive")},
        {QStringLiteral("route"), tr("Route")},
        {QStringLiteral("cors"), tr("CORS")},
        {QStringLiteral("apiKey"), tr("API key")},
        {QStringLiteral("authorize"), tr("Authorizer")},
        {QStringLiteral("throttle"), tr("Throttle")},
        {QStringLiteral("validate"), tr("Validation")},
        {QStringLiteral("mapRequest"), tr("Request mapping")},
        {QStringLiteral("integrate"), tr("Integration")},
        {QStringLiteral("mapResponse"), tr("Response mapping")},
        {QStringLiteral("respond"), tr("Response")},
    };
    return labels.value(stageName, stageName);
}

QColor TraceTimeline::outcomeColor(const Runtime::TraceStep &step, bool failing)
{
    if (failing || step.flagged || step.outcome == Outcome::Fail)
        return QColor(0xcf, 0x3b, 0x32); // red
    switch (step.outcome) {
    case Outcome::Continue: return QColor(0x2e, 0x9b, 0x4f); // green
    case Outcome::Respond: return QColor(0x2f, 0x6f, 0xc8);  // blue: the step answered
    case Outcome::Pending: return QColor(0xd6, 0x8a, 0x12);  // amber: never resumed
    case Outcome::Skipped: return QColor(0x9a, 0x9a, 0x9a);  // grey
    case Outcome::Fail: break;
    }
    return QColor(0xcf, 0x3b, 0x32);
}

qint64 TraceTimeline::spanUs(const Runtime::Trace &trace)
{
    qint64 span = trace.durationUs;
    for (const Runtime::TraceStep &s : trace.steps)
        span = qMax(span, s.startUs + s.durationUs);
    return qMax<qint64>(span, 1);
}

QString TraceTimeline::durationText(qint64 us)
{
    if (us < 1000)
        return QStringLiteral("%1 µs").arg(us);
    if (us < 1000000)
        return QStringLiteral("%1 ms").arg(double(us) / 1000.0, 0, 'f', us < 10000 ? 2 : 1);
    return QStringLiteral("%1 s").arg(double(us) / 1e6, 0, 'f', 2);
}

int TraceTimeline::failingIndex() const
{
    if (!m_trace)
        return -1;
    const Runtime::TraceStep *failing = m_trace->failingStep();
    for (int i = 0; i < m_trace->steps.size(); ++i)
        if (&m_trace->steps.at(i) == failing)
            return i;
    return -1;
}

int TraceTimeline::labelWidth() const
{
    int w = 0;
    const QFontMetrics fm(font());
    for (const QString &name : {tr("Response mapping"), tr("Request mapping")})
        w = qMax(w, fm.horizontalAdvance(name));
    return w + 2 * margin + 8;
}

QRect TraceTimeline::plotRect() const
{
    const int left = labelWidth();
    const int right = width() - margin - QFontMetrics(font()).horizontalAdvance(QStringLiteral("000.0 ms")) / 2;
    const int lanes = m_trace ? int(m_trace->steps.size()) : 0;
    return QRect(left, axisHeight, qMax(20, right - left), lanes * laneHeight);
}

QRect TraceTimeline::laneRect(int index) const
{
    if (!m_trace || index < 0 || index >= m_trace->steps.size())
        return {};
    return QRect(0, axisHeight + index * laneHeight, width(), laneHeight);
}

QRect TraceTimeline::barRect(int index) const
{
    if (!m_trace || index < 0 || index >= m_trace->steps.size())
        return {};
    const Runtime::TraceStep &s = m_trace->steps.at(index);
    const QRect plot = plotRect();
    const double span = double(spanUs(*m_trace));
    const int x = plot.left() + int(std::floor(double(s.startUs) / span * plot.width()));
    const int w = qMax(2, int(std::ceil(double(s.durationUs) / span * plot.width())));
    const QRect lane = laneRect(index);
    return QRect(qMin(x, plot.right() - 1), lane.top() + 4, qMin(w, plot.right() - x + 1), lane.height() - 8);
}

int TraceTimeline::stepAt(const QPoint &pos) const
{
    if (!m_trace || pos.y() < axisHeight)
        return -1;
    const int index = (pos.y() - axisHeight) / laneHeight;
    return index < m_trace->steps.size() ? index : -1;
}

QSize TraceTimeline::sizeHint() const
{
    const int lanes = m_trace ? int(m_trace->steps.size()) : 6;
    return QSize(420, axisHeight + qMax(1, lanes) * laneHeight + 4);
}

QSize TraceTimeline::minimumSizeHint() const
{
    return QSize(labelWidth() + 80, sizeHint().height());
}

void TraceTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (!m_trace || m_trace->steps.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No trace"));
        return;
    }
    const QRect plot = plotRect();
    const qint64 span = spanUs(*m_trace);
    const QFontMetrics fm(font());

    // Lane backgrounds: hover and selection.
    QColor highlight = palette().color(QPalette::Highlight);
    for (int i = 0; i < m_trace->steps.size(); ++i) {
        if (i == m_selected) {
            highlight.setAlpha(60);
            p.fillRect(laneRect(i), highlight);
        } else if (i == m_hover) {
            highlight.setAlpha(25);
            p.fillRect(laneRect(i), highlight);
        }
    }

    // Axis: 1-2-5 ticks, about one per 80 px.
    const double wanted = double(span) / qMax(1, plot.width() / 80);
    const double magnitude = std::pow(10.0, std::floor(std::log10(qMax(1.0, wanted))));
    double tick = magnitude;
    for (double f : {1.0, 2.0, 5.0, 10.0})
        if (magnitude * f >= wanted) {
            tick = magnitude * f;
            break;
        }
    QColor grid = palette().color(QPalette::Text);
    grid.setAlpha(30);
    QColor axisText = palette().color(QPalette::Text);
    axisText.setAlpha(150);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    p.setFont(small);
    for (double t = 0; t <= double(span) + 0.5; t += tick) {
        const int x = plot.left() + int(t / double(span) * plot.width());
        p.setPen(grid);
        p.drawLine(x, axisHeight - 3, x, plot.bottom());
        p.setPen(axisText);
        const QString label = durationText(qint64(t));
        const int w = QFontMetrics(small).horizontalAdvance(label);
        p.drawText(QRect(x - w / 2 - 2, 0, w + 4, axisHeight - 4), Qt::AlignCenter, label);
    }
    p.setFont(font());

    const int failing = failingIndex();
    for (int i = 0; i < m_trace->steps.size(); ++i) {
        const Runtime::TraceStep &s = m_trace->steps.at(i);
        const QRect lane = laneRect(i);
        const bool bad = i == failing || s.flagged || s.outcome == Outcome::Fail;
        QColor labelColor = palette().color(QPalette::Text);
        if (bad)
            labelColor = outcomeColor(s, true);
        else if (s.outcome == Outcome::Skipped)
            labelColor = palette().color(QPalette::PlaceholderText);
        p.setPen(labelColor);
        QFont labelFont = font();
        labelFont.setBold(bad);
        p.setFont(labelFont);
        p.drawText(QRect(margin, lane.top(), labelWidth() - 2 * margin, lane.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   stepLabel(s.name));
        p.setFont(font());

        const QRect bar = barRect(i);
        const QColor colour = outcomeColor(s, i == failing);
        if (s.outcome == Outcome::Skipped) {
            p.setPen(QPen(colour, 1, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawRect(bar.adjusted(0, 0, -1, -1));
        } else {
            p.setPen(Qt::NoPen);
            p.setBrush(colour);
            p.drawRoundedRect(bar, 2, 2);
        }
        // The duration beside the bar, inside it when there is no room on the right.
        const QString text = durationText(s.durationUs);
        const int tw = fm.horizontalAdvance(text);
        QColor textColor = palette().color(QPalette::Text);
        textColor.setAlpha(170);
        if (bar.right() + 4 + tw <= width() - 2) {
            p.setPen(textColor);
            p.drawText(QRect(bar.right() + 4, lane.top(), tw + 2, lane.height()), Qt::AlignLeft | Qt::AlignVCenter, text);
        } else if (bar.width() > tw + 6) {
            p.setPen(Qt::white);
            p.drawText(bar.adjusted(0, -2, -3, 2), Qt::AlignRight | Qt::AlignVCenter, text);
        } else {
            p.setPen(textColor);
            p.drawText(QRect(bar.left() - tw - 4, lane.top(), tw + 2, lane.height()), Qt::AlignRight | Qt::AlignVCenter, text);
        }
    }
    if (hasFocus() && m_selected >= 0) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(laneRect(m_selected).adjusted(0, 0, -1, -1));
    }
}

bool TraceTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int i = stepAt(help->pos());
        if (i < 0 || !m_trace) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const Runtime::TraceStep &s = m_trace->steps.at(i);
        QString tip = QStringLiteral("<b>%1</b> <span style='color:gray'>(%2)</span><br>%3 · starts at %4 · takes %5")
                          .arg(stepLabel(s.name).toHtmlEscaped(), s.name.toHtmlEscaped(),
                               Runtime::toString(s.outcome), durationText(s.startUs), durationText(s.durationUs));
        for (const QString &note : s.notes.mid(0, 6))
            tip += QStringLiteral("<br>• ") + note.left(300).toHtmlEscaped();
        if (s.notes.size() > 6)
            tip += QStringLiteral("<br>…");
        QToolTip::showText(help->globalPos(), tip, this, laneRect(i));
        return true;
    }
    return QWidget::event(event);
}

void TraceTimeline::mouseMoveEvent(QMouseEvent *event)
{
    const int i = stepAt(event->position().toPoint());
    if (i != m_hover) {
        m_hover = i;
        setCursor(i >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
}

void TraceTimeline::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    const int i = stepAt(event->position().toPoint());
    if (i >= 0)
        setSelectedStep(i);
}

void TraceTimeline::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int i = stepAt(event->position().toPoint());
    if (i >= 0) {
        setSelectedStep(i);
        Q_EMIT stepActivated(i);
    }
}

void TraceTimeline::leaveEvent(QEvent *)
{
    m_hover = -1;
    update();
}

void TraceTimeline::keyPressEvent(QKeyEvent *event)
{
    if (!m_trace || m_trace->steps.isEmpty())
        return QWidget::keyPressEvent(event);
    switch (event->key()) {
    case Qt::Key_Up:
        setSelectedStep(qMax(0, m_selected - 1));
        break;
    case Qt::Key_Down:
        setSelectedStep(qMin(int(m_trace->steps.size()) - 1, m_selected + 1));
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_selected >= 0)
            Q_EMIT stepActivated(m_selected);
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace Gw::Ui
