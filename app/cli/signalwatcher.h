// Turns SIGINT/SIGTERM into a Qt signal (self-pipe), so serve stops gracefully.
#pragma once

#include <QObject>
#include <QSocketNotifier>

namespace Gw::Cli {

class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested();

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Gw::Cli
