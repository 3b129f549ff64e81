// A trace's pipeline steps drawn to scale: one lane per step, the bar's x and width are the step's
// start and duration within the call, its colour the outcome (continue, respond, fail, skipped,
// pending). Hover shows the step's figures, a click selects it, a double click activates it.
#pragma once

#include "runtime/trace/trace.h"

#include <QWidget>

namespace Gw::Ui {

class TraceTimeline : public QWidget
{
    Q_OBJECT
public:
    explicit TraceTimeline(QWidget *parent = nullptr);

    void setTrace(const Runtime::TracePtr &trace);
    Runtime::TracePtr trace() const { return m_trace; }
    int selectedStep() const { return m_selected; }
    void setSelectedStep(int index); // -1: none; emits stepSelected when it changes

    // Geometry, public for tests: the lane of a step and its bar (widget coordinates).
    QRect laneRect(int index) const;
    QRect barRect(int index) const;
    int stepAt(const QPoint &pos) const; // -1 outside every lane

    // The words shown for a runtime stage name ("mapRequest" → "Request mapping").
    static QString stepLabel(const QString &stageName);
    static QColor outcomeColor(const Runtime::TraceStep &step, bool failing);
    // The call's span on the time axis: the trace's duration, or the last step's end if later.
    static qint64 spanUs(const Runtime::Trace &trace);
    static QString durationText(qint64 us);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void stepSelected(int index);
    void stepActivated(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    int labelWidth() const;
    QRect plotRect() const;
    int failingIndex() const;

    Runtime::TracePtr m_trace;
    int m_selected = -1;
    int m_hover = -1;
};

} // namespace Gw::Ui
