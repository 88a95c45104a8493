// ByteWriter (src/cli/byte-output.ts): diff's lines go into one buffer that is sent when
// full and then written again, so every send must be whole writes, in order, and a command
// run without a byte stdout (tests, the in-process API) must get the same text.
import { ByteWriter, stdoutWriter } from '../src/cli/byte-output.js';
import { memoryIO } from './support/memory-io.js';

/** A writer whose sends are copied (the buffer is reused) and kept. */
function recording(size: number) {
  const sent: string[] = [];
  const writer = new ByteWriter((bytes) => sent.push(Buffer.from(bytes).toString('utf8')), size);
  return { writer, sent };
}

/** Write a line of ASCII through room() and the bytes, as difference-lines.ts does. */
function line(writer: ByteWriter, text: string) {
  writer.room(text.length);
  for (let i = 0; i < text.length; i++) writer.bytes[writer.at + i] = text.charCodeAt(i);
  writer.at += text.length;
}

test('sends only whole writes, in order, and nothing before it is full or flushed', () => {
  const { writer, sent } = recording(16);
  writer.text('héllo\n');
  line(writer, 'abcdef\n');
  expect(sent).toEqual([]);
  line(writer, '0123456\n');
  expect(sent).toEqual(['héllo\nabcdef\n']);
  writer.flush();
  writer.flush();
  expect(sent).toEqual(['héllo\nabcdef\n', '0123456\n']);
});

test('a write longer than the buffer gets a bigger one, sent whole', () => {
  const { writer, sent } = recording(8);
  line(writer, 'ab\n');
  const long = `${'x'.repeat(40)}\n`;
  writer.text(long);
  writer.flush();
  expect(sent).toEqual(['ab\n', long]);
});

test('discard drops what is held', () => {
  const { writer, sent } = recording(64);
  writer.text('--- header\n');
  writer.discard();
  writer.flush();
  expect(sent).toEqual([]);
});

test('without a byte stdout, the text goes to io.stdout; with one, the bytes go there', () => {
  const { io, out } = memoryIO();
  const text = stdoutWriter(io);
  text.text('☃ snow\n');
  text.flush();
  expect(out.stdout).toBe('☃ snow\n');
  const chunks: number[][] = [];
  const bytes = stdoutWriter({ ...io, stdoutBytes: (b) => void chunks.push([...b]) });
  bytes.text('☃\n');
  bytes.flush();
  expect(Buffer.from(chunks.flat()).toString('utf8')).toBe('☃\n');
  expect(out.stdout).toBe('☃ snow\n');
});
