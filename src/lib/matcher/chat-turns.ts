/**
 * A conversation with an AI assistant, copied whole (a chat page, an IDE's chat panel): the person's
 * turns hold the tool's output; the assistant's turns hold its guesses, which name other errors,
 * commands and fixes. Only the person's turns are read, and the chat's own buttons are dropped,
 * when the person pasted a tool's output there. A question in words and an assistant's answer in
 * words (a visa, a law, a bank: what the answer claimed is what a record may explain) stay whole.
 */
import { errorness, isStackFrame } from './errorness.ts';

/** A line that is only a role's label (`You said:`, `**User**`, `### Assistant`, `GitHub Copilot:`). */
const LABEL_LINE = /^[ \t]*(?:#{1,4}[ \t]*|\*\*|__)?([A-Za-z][\w .()-]{0,30}?)(?:[ \t]+said)?[ \t]*:?(?:\*\*|__)?:?[ \t]*$/;
/** A role's label opening a line, its words after it (`User: the build fails with …`). */
const INLINE_LABEL = /^[ \t]*(?:\*\*)?(User|You|Me|Human|Assistant|AI|Bot|ChatGPT|Copilot|Gemini|Claude)(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]+(?=\S)/i;

const PERSON = /^(?:user|you|me|human)$/i;
const ASSISTANT =
  /^(?:assistant|ai|ai assistant|bot|chatgpt|gpt-?[\w.]*|copilot|github copilot|gemini|claude|cursor|jetbrains ai(?: assistant)?|codeium|tabnine|amazon q|perplexity)$/i;

/** A chat's own buttons and notes, copied with its text (`Copy code`, `Copy   Insert at Cursor`). */
const CHROME = /^[ \t]*(?:(?:copy(?: code)?|insert(?: at cursor| in terminal)?|apply|edit|regenerate|share|run)(?:[ \t]{2,}|[ \t]*$))+$/i;

type Role = 'person' | 'assistant';

/** A shell's prompt before a command, or a code fence: what the person ran or pasted as it printed. */
const PROMPT_OR_FENCE = /^\s*(?:[\w.-]+@[\w.-]+(?::\S*)?)?[$#%] \S|^\s*PS [^>]{1,200}> ?\S|^\s*```/;

/** Whether a line of the person's turns shows a tool's output: an error sign, a stack frame, a prompt or a fence. */
function showsOutput(line: string): boolean {
  return errorness(line) > 0 || isStackFrame(line) || PROMPT_OR_FENCE.test(line);
}

/** The role a line's label names, and the text after an inline label; null for other lines. */
function roleOf(line: string): { role: Role; rest: string } | null {
  const alone = LABEL_LINE.exec(line);
  if (alone) {
    const name = alone[1]!.trim();
    if (PERSON.test(name)) return { role: 'person', rest: '' };
    if (ASSISTANT.test(name)) return { role: 'assistant', rest: '' };
    return null;
  }
  const inline = INLINE_LABEL.exec(line);
  if (!inline) return null;
  const rest = line.slice(inline[0].length);
  return { role: PERSON.test(inline[1]!) ? 'person' : 'assistant', rest };
}

/**
 * The lines of the person's turns only, when the paste is a conversation with an assistant (labels
 * of both roles, or an assistant's label after the person's words: a copy that starts with the
 * person's message unlabelled) and the person's turns show a tool's output (showsOutput). Lines
 * before any label are the person's. Otherwise the lines as they are.
 */
export function withoutAssistantTurns(lines: string[]): string[] {
  let person = false;
  let assistant = -1;
  for (let i = 0; i < lines.length; i++) {
    const role = roleOf(lines[i]!)?.role;
    if (role === 'person') person = true;
    else if (role === 'assistant' && assistant < 0) assistant = i;
  }
  if (assistant < 0 || (!person && !lines.slice(0, assistant).some((line) => /\S/.test(line)))) return lines;
  const out: string[] = [];
  let speaking: Role = 'person';
  for (const line of lines) {
    const label = roleOf(line);
    if (label) {
      speaking = label.role;
      if (speaking === 'person' && label.rest) out.push(label.rest);
      continue;
    }
    if (speaking === 'person' && !CHROME.test(line)) out.push(line);
  }
  return out.some(showsOutput) ? out : lines;
}
