// A headless-Chromium check of the local chat page on a phone-sized screen (390×844), driven over the DevTools
// protocol with Node's own WebSocket (no npm packages). It checks that no user is chosen at start and the send button
// is disabled, picks a user, types a command, checks that the line and the bot's reply appear in the feed, and saves
// a screenshot.
//   node --experimental-websocket bench/LocalPageShot/shot.mjs http://127.0.0.1:5080/ page.png
// Needs `chromium` on PATH (apt-get install chromium fonts-wqy-microhei) and a running UnionBot.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";

const [url = "http://127.0.0.1:5080/", out = "local-page.png"] = process.argv.slice(2);
const chrome = spawn("chromium", ["--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=9333", "about:blank"], { stdio: "ignore" });
const sleep = ms => new Promise(r => setTimeout(r, ms));
try {
  let targets;
  for (let i = 0; i < 50 && !targets; i++) { try { targets = await (await fetch("http://127.0.0.1:9333/json")).json(); } catch { await sleep(200); } }
  const ws = new WebSocket(targets.find(t => t.type === "page").webSocketDebuggerUrl);
  await new Promise(r => ws.onopen = r);
  let id = 0; const pending = new Map();
  ws.onmessage = m => { const d = JSON.parse(m.data); pending.get(d.id)?.(d); pending.delete(d.id); };
  const send = (method, params = {}) => new Promise(r => { const i = ++id; pending.set(i, r); ws.send(JSON.stringify({ id: i, method, params })); });
  const evaluate = async expression => (await send("Runtime.evaluate", { expression })).result.result.value;

  await send("Emulation.setDeviceMetricsOverride", { width: 390, height: 844, deviceScaleFactor: 1, mobile: true });
  await send("Page.navigate", { url });
  await sleep(1500);
  const before = await evaluate("document.querySelectorAll('#feed .row').length");
  // The page starts with no user chosen and cannot send until one is picked.
  const start = await evaluate("JSON.stringify([document.getElementById('user').value, document.getElementById('sendButton').disabled])");
  await evaluate("const u=document.getElementById('user');u.value='teacher-li';u.dispatchEvent(new Event('input'))");
  const enabled = await evaluate("!document.getElementById('sendButton').disabled");
  await evaluate("document.getElementById('text').value='/帮助';document.getElementById('sendButton').click()");
  await sleep(1500);
  const after = await evaluate("document.querySelectorAll('#feed .row').length");
  const mine = await evaluate("[...document.querySelectorAll('#feed .row.mine .bubble')].map(b => b.textContent).pop() ?? ''");
  writeFileSync(out, Buffer.from((await send("Page.captureScreenshot", { format: "png" })).result.data, "base64"));
  ws.close();
  if (start !== '["",true]' || !enabled) {
    console.error(`FAIL: at start [user, send disabled] = ${start}; after picking teacher-li the send button is ${enabled ? "enabled" : "still disabled"}`);
    process.exitCode = 1;
  } else if (after - before !== 2 || mine !== "/帮助") {
    console.error(`FAIL: ${after - before} new rows (expected the line and the reply), my last line '${mine}'`);
    process.exitCode = 1;
  } else console.log(`OK: the line and the reply appeared; screenshot in ${out}`);
} finally {
  chrome.kill();
}
