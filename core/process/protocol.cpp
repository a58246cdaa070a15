#include "protocol.h"

#include <QCborValue>
#include <QtEndian>

namespace clab::process {

QByteArray encodeFrame(const Frame &frame)
{
    const QByteArray body = QCborValue(frame.body).toCbor();
    QByteArray out;
    out.resize(5);
    qToLittleEndian<quint32>(quint32(body.size() + 1), out.data());
    out[4] = char(frame.type);
    out += body;
    return out;
}

void FrameDecoder::feed(const QByteArray &bytes)
{
    if (failed())
        return;
    // Drop what was consumed before appending, so the buffer stays small.
    if (m_offset > 0 && m_offset == m_buffer.size()) {
        m_buffer.clear();
        m_offset = 0;
    } else if (m_offset > (1 << 20)) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    m_buffer += bytes;
}

std::optional<Frame> FrameDecoder::next()
{
    if (failed() || m_buffer.size() - m_offset < 4)
        return std::nullopt;
    const quint32 length = qFromLittleEndian<quint32>(m_buffer.constData() + m_offset);
    if (length < 1 || length > kMaxFrameBytes) {
        m_error = QStringLiteral("a frame claims %1 bytes (the limit is %2): not the worker protocol")
                      .arg(length).arg(kMaxFrameBytes);
        return std::nullopt;
    }
    if (quint64(m_buffer.size() - m_offset) < 4 + quint64(length))
        return std::nullopt;
    const auto type = quint8(m_buffer[m_offset + 4]);
    if (type < quint8(FrameType::Hello) || type > quint8(FrameType::Output)) {
        m_error = QStringLiteral("unknown frame type %1").arg(type);
        return std::nullopt;
    }
    const QByteArray body = m_buffer.mid(m_offset + 5, qsizetype(length) - 1);
    m_offset += 4 + qsizetype(length);
    QCborParserError parseError;
    const QCborValue value = QCborValue::fromCbor(body, &parseError);
    if (parseError.error != QCborError::NoError || !value.isMap()) {
        m_error = QStringLiteral("a frame's body is not a CBOR map (%1)").arg(parseError.errorString());
        return std::nullopt;
    }
    return Frame{FrameType(type), value.toMap()};
}

} // namespace clab::process
