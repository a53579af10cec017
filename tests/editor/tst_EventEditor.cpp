// labels: gui
// EventEditor: the payload is validated as the user types; a malformed payload shows the
// parser's message at its line and column, marks the line, and validity is signalled.

#include "CodeEditor.h"
#include "EventEditor.h"

#include <Qsci/qscilexer.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using namespace swb;

class tst_EventEditor : public QObject {
    Q_OBJECT
private slots:
    void validPayloadIsValid();
    void malformedJsonReportsItsLineAndColumn_data();
    void malformedJsonReportsItsLineAndColumn();
    void typingIsValidatedAfterAPause();
    void becomesValidWhenFixed();
    void anyJsonValueIsAPayloadButEmptyIsNot();
    void rendersTheErrorUnderTheText();
};

void tst_EventEditor::validPayloadIsValid()
{
    EventEditor editor;
    QSignalSpy validity(&editor, &EventEditor::validityChanged);
    editor.setText(QStringLiteral("{\n  \"Records\": [{\"eventName\": \"ObjectCreated:Put\"}]\n}"));
    QVERIFY(editor.isValid());
    QCOMPARE(validity.size(), 1);
    QCOMPARE(validity.at(0).at(0).toBool(), true);
    QCOMPARE(editor.errorLine(), 0);
    QVERIFY(editor.json().isObject());
    QCOMPARE(editor.json().toObject().value(QStringLiteral("Records")).toArray().size(), 1);
    QCOMPARE(QString::fromLatin1(editor.editor()->lexer()->language()), QStringLiteral("JSON"));
}

void tst_EventEditor::malformedJsonReportsItsLineAndColumn_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    // The character where the parser gave up; the column counts characters, not bytes.
    QTest::newRow("missing comma") << "{\n  \"a\": 1\n  \"b\": 2\n}" << 3 << 3;
    // An unterminated string runs to the end of the text, where the parser stops.
    QTest::newRow("unterminated string") << "{\n  \"a\": \"x\n}" << 3 << 2;
    QTest::newRow("trailing comma") << "{\"é\": [1, 2,]}" << 1 << 13;
    QTest::newRow("two values") << "{}\n{}" << 2 << 1;
}

void tst_EventEditor::malformedJsonReportsItsLineAndColumn()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    EventEditor editor;
    editor.setText(text);
    QVERIFY(!editor.isValid());
    QCOMPARE(editor.errorLine(), line);
    QCOMPARE(editor.errorColumn(), column);
    QVERIFY2(editor.errorMessage().startsWith(
                 QStringLiteral("Line %1, column %2: ").arg(line).arg(column)),
             qPrintable(editor.errorMessage()));
    // The message is shown under the editor and the line carries the error marker.
    bool shown = false;
    for (QLabel* label : editor.findChildren<QLabel*>())
        shown = shown || label->text() == editor.errorMessage();
    QVERIFY(shown);
    QVERIFY(editor.editor()->markersAtLine(line - 1) != 0);
    for (int other = 0; other < editor.editor()->lines(); ++other)
        if (other != line - 1)
            QCOMPARE(editor.editor()->markersAtLine(other), 0u);
    QVERIFY(editor.json().isUndefined());
}

void tst_EventEditor::typingIsValidatedAfterAPause()
{
    EventEditor editor;
    editor.setText(QStringLiteral("{}"));
    QVERIFY(editor.isValid());
    QSignalSpy validity(&editor, &EventEditor::validityChanged);
    editor.editor()->setFocus();
    editor.editor()->setCursorPosition(0, 1);
    QTest::keyClicks(editor.editor(), "\"a\": ");
    // Debounced: nothing yet while typing.
    QVERIFY(editor.isValid());
    QVERIFY(validity.wait(2000));
    QCOMPARE(validity.at(0).at(0).toBool(), false);
    QCOMPARE(editor.errorLine(), 1);
}

void tst_EventEditor::becomesValidWhenFixed()
{
    EventEditor editor;
    editor.setText(QStringLiteral("{\n  \"a\": 1,\n}"));
    QVERIFY(!editor.isValid());
    QCOMPARE(editor.errorLine(), 3);
    QSignalSpy validity(&editor, &EventEditor::validityChanged);
    // Delete the trailing comma by typing.
    editor.editor()->setFocus();
    editor.editor()->setCursorPosition(1, 9);
    QTest::keyClick(editor.editor(), Qt::Key_Backspace);
    QVERIFY(validity.wait(2000));
    QCOMPARE(validity.at(0).at(0).toBool(), true);
    QVERIFY(editor.isValid());
    QVERIFY(editor.errorMessage().isEmpty());
    QCOMPARE(editor.editor()->markersAtLine(2), 0u);
    QCOMPARE(editor.json().toObject().value(QStringLiteral("a")).toInt(), 1);
}

void tst_EventEditor::anyJsonValueIsAPayloadButEmptyIsNot()
{
    EventEditor editor;
    QVERIFY(!editor.isValid()); // starts empty
    editor.setText(QStringLiteral("\"hello\""));
    QVERIFY(editor.isValid());
    QCOMPARE(editor.json().toString(), QStringLiteral("hello"));
    editor.setText(QStringLiteral("42"));
    QCOMPARE(editor.json().toInt(), 42);
    editor.setText(QStringLiteral("null"));
    QVERIFY(editor.isValid());
    QVERIFY(editor.json().isNull());
    editor.setText(QStringLiteral("  \n"));
    QVERIFY(!editor.isValid());
    QVERIFY(editor.errorMessage().contains(QLatin1String("empty")));
}

// Looks at the widget as a user does: with SWB_SCREENSHOT_DIR set, saves event-editor.png.
void tst_EventEditor::rendersTheErrorUnderTheText()
{
    EventEditor editor;
    editor.resize(520, 220);
    editor.setText(QStringLiteral("{\n  \"httpMethod\": \"POST\",\n  \"body\": \"{}\"\n  "
                                  "\"path\": \"/orders\"\n}\n"));
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QCOMPARE(editor.errorLine(), 4);
    const QImage image = editor.grab().toImage();
    QVERIFY(!image.isNull());
    if (const QString dir = qEnvironmentVariable("SWB_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(image.save(dir + QStringLiteral("/event-editor.png")));
}

QTEST_MAIN(tst_EventEditor)
#include "tst_EventEditor.moc"
