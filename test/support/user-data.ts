/**
 * Reads back the text of a launch template's user data as synthesized by
 * brokerUserData: `${base64encode(join("", ["literal", reference, ...]))}`.
 * Literals are HCL strings (JSON escapes, `$${` for a literal `${`);
 * references come back as `${reference}`, the way tests write them.
 */
export function userDataText(userData: unknown): string {
  const match = /^\$\{base64encode\(join\("", \[(.*)\]\)\)\}$/s.exec(String(userData));
  if (!match) throw new Error(`not a joined user data: ${String(userData).slice(0, 80)}`);
  const list = match[1];
  let text = "";
  let i = 0;
  while (i < list.length) {
    if (list[i] === "," || list[i] === " ") {
      i++;
    } else if (list[i] === "\"") {
      let end = i + 1;
      while (list[end] !== "\"") end += list[end] === "\\" ? 2 : 1;
      text += (JSON.parse(list.slice(i, end + 1)) as string).replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
      i = end + 1;
    } else {
      const end = list.indexOf(",", i);
      text += `\${${list.slice(i, end === -1 ? undefined : end).trim()}}`;
      i = end === -1 ? list.length : end;
    }
  }
  return text;
}

/** The files a `#cloud-config` writes, by path, with their content un-indented. */
export function cloudConfigFiles(text: string): Record<string, { permissions: string; content: string }> {
  const files: Record<string, { permissions: string; content: string }> = {};
  for (const entry of text.split(/^ {2}- path: /m).slice(1)) {
    const [path, permissionsLine, , ...lines] = entry.split("\n");
    const body: string[] = [];
    for (const line of lines) {
      if (line !== "" && !line.startsWith("      ")) break;
      body.push(line.slice(6));
    }
    files[path] = { permissions: /"(\d+)"/.exec(permissionsLine)![1], content: `${body.join("\n").replace(/\n+$/, "")}\n` };
  }
  return files;
}
