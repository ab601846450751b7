import { describe, expect, it } from 'vitest';
import { copyNotePageRule, cssString } from '../../../web/features/documents/print/copy-note';

describe('the printed copy note (decree 935 §143)', () => {
  it('prints the printout’s own page count in the page margin, around the localized words', () => {
    // Arrange
    const note = 'Elektron sənədin surəti. {pages} vərəq.';

    // Act
    const rule = copyNotePageRule(note);

    // Assert
    expect(rule).toContain('@bottom-center');
    expect(rule).toContain('content: "Elektron sənədin surəti. " counter(pages) " vərəq.";');
    expect(copyNotePageRule('Копия электронного документа. Листов: {pages}.')).toContain(
      '"Копия электронного документа. Листов: " counter(pages) ".";',
    );
  });

  it('keeps the words a CSS string whatever they hold', () => {
    // Arrange
    const hostile = 'a"b\\c\n} body { display: none';

    // Act
    const literal = cssString(hostile);

    // Assert
    expect(literal).toBe('"a\\"b\\\\c } body { display: none"');
  });
});
