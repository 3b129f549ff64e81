// The method execution diagram as the AWS console draws it: the request path left to right
// (Client → Method Request → Integration Request → Integration) and the response path back
// (Integration → Integration Response → Method Response → Client). Each box is a button named
// after the trace step it configures (validate, mapRequest, integrate, mapResponse, respond), so
// a failed step in a trace leads to its box.
#pragma once

#include <QAbstractButton>
#include <QWidget>

namespace Gw::Ui {

class ExecutionBox : public QAbstractButton
{
    Q_OBJECT
public:
    ExecutionBox(const QString &stepName, const QString &title, QWidget *parent = nullptr);

    QString stepName() const { return objectName(); }
    QString title() const { return m_title; }
    void setSummary(const QString &summary);
    QString summary() const { return m_summary; }
    // A box whose configuration has a problem draws a red corner mark.
    void setProblem(bool problem);
    bool hasProblem() const { return m_problem; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_title;
    QString m_summary;
    bool m_problem = false;
};

class ExecutionDiagram : public QWidget
{
    Q_OBJECT
public:
    explicit ExecutionDiagram(QWidget *parent = nullptr);

    ExecutionBox *methodRequest() const { return m_methodRequest; }
    ExecutionBox *integrationRequest() const { return m_integrationRequest; }
    ExecutionBox *integration() const { return m_integration; }
    ExecutionBox *integrationResponse() const { return m_integrationResponse; }
    ExecutionBox *methodResponse() const { return m_methodResponse; }
    QList<ExecutionBox *> boxes() const;

Q_SIGNALS:
    void boxClicked(const QString &stepName);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    ExecutionBox *m_methodRequest;
    ExecutionBox *m_integrationRequest;
    ExecutionBox *m_integration;
    ExecutionBox *m_integrationResponse;
    ExecutionBox *m_methodResponse;
};

} // namespace Gw::Ui
