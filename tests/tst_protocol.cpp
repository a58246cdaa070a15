// The worker protocol's frames: encoding, reassembly from arbitrary pieces,
// and garbage detection.

#include "process/protocol.h"

#include <QtTest>

using namespace clab::process;

class TestProtocol : public QObject
{
    Q_OBJECT

private slots:
    void roundTripInPieces_data()
    {
        QTest::addColumn<int>("pieceSize");
        QTest::newRow("byte by byte") << 1;
        QTest::newRow("3 bytes") << 3;
        QTest::newRow("7 bytes") << 7;
        QTest::newRow("all at once") << 100000;
    }
    void roundTripInPieces()
    {
        QFETCH(int, pieceSize);
        QByteArray stream;
        for (int i = 0; i < 5; ++i) {
            Frame f;
            f.type = i % 2 ? FrameType::Result : FrameType::Call;
            f.body = QCborMap{{QStringLiteral("id"), i}, {QStringLiteral("task"), QStringLiteral("echo")}};
            stream += encodeFrame(f);
        }
        FrameDecoder decoder;
        QList<Frame> frames;
        for (qsizetype at = 0; at < stream.size(); at += pieceSize) {
            decoder.feed(stream.mid(at, pieceSize));
            while (auto f = decoder.next())
                frames << *f;
        }
        QVERIFY(!decoder.failed());
        QCOMPARE(decoder.pendingBytes(), qsizetype(0));
        QCOMPARE(frames.size(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(int(frames[i].type), int(i % 2 ? FrameType::Result : FrameType::Call));
            QCOMPARE(frames[i].body.value(QStringLiteral("id")).toInteger(), qint64(i));
        }
    }

    void garbageFails_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("text") << QByteArray("Traceback (most recent call last):\n") << QStringLiteral("not the worker protocol");
        QTest::newRow("unknown type") << QByteArray::fromHex("01000000" "63" "a0") << QStringLiteral("type");
        QTest::newRow("not CBOR") << QByteArray::fromHex("02000000" "03" "ffff") << QStringLiteral("CBOR map");
        QTest::newRow("CBOR but not a map") << QByteArray::fromHex("02000000" "03" "8100") << QStringLiteral("CBOR map");
        QTest::newRow("empty frame") << QByteArray::fromHex("00000000") << QStringLiteral("claims 0 bytes");
    }
    void garbageFails()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        FrameDecoder decoder;
        decoder.feed(bytes);
        QVERIFY(!decoder.next().has_value());
        QVERIFY(decoder.failed());
        QVERIFY2(decoder.error().contains(reason, Qt::CaseInsensitive), qPrintable(decoder.error()));
        // Failed for good: even a valid frame after it is not read.
        decoder.feed(encodeFrame(Frame{FrameType::Hello, {}}));
        QVERIFY(!decoder.next().has_value());
    }

    void truncatedFrameWaits()
    {
        Frame f{FrameType::Output, QCborMap{{QStringLiteral("text"), QStringLiteral("hello")}}};
        const QByteArray bytes = encodeFrame(f);
        FrameDecoder decoder;
        decoder.feed(bytes.left(bytes.size() - 2));
        QVERIFY(!decoder.next().has_value());
        QVERIFY(!decoder.failed());
        QCOMPARE(decoder.pendingBytes(), bytes.size() - 2);
        decoder.feed(bytes.right(2));
        const auto got = decoder.next();
        QVERIFY(got.has_value());
        QCOMPARE(got->body.value(QStringLiteral("text")).toString(), QStringLiteral("hello"));
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
