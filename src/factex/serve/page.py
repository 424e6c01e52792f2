"""The page at `GET /`: paste a Russian text, see it highlighted with its entities,
dates and facts (the HTML view of `factex.html`, made by `POST /extract/html`).

A text in the address's fragment (`/#text=...`) is extracted when the page opens."""

PAGE = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>factex</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 70em; padding: 1em; }
textarea { width: 100%; height: 12em; font: inherit; box-sizing: border-box; }
iframe { width: 100%; height: 70vh; border: 1px solid #ccc; margin-top: 1em; }
#status { color: #a00; margin-left: 1em; }
</style></head>
<body>
<h1>factex</h1>
<form id="form">
<textarea id="text" placeholder="Вставьте русский текст новости"></textarea>
<p><label>Дата (reference date): <input id="date" type="date"></label>
<button type="submit">Extract</button><span id="status" role="status"></span>
<a href="docs">API</a></p>
</form>
<iframe id="view" title="factex record" sandbox></iframe>
<script>
const form = document.getElementById("form");
const text = document.getElementById("text");
const date = document.getElementById("date");
const status = document.getElementById("status");
const view = document.getElementById("view");
async function run() {
  status.textContent = "…";
  const body = {text: text.value};
  if (date.value) body.date = date.value;
  try {
    const answer = await fetch("extract/html", {method: "POST",
      headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
    if (answer.ok) {
      view.srcdoc = await answer.text();
      status.textContent = "";
    } else {
      const problem = await answer.json().catch(() => null);
      status.textContent = problem && problem.error ? problem.error.message
                                                   : "error " + answer.status;
    }
  } catch (err) {
    status.textContent = String(err);
  }
}
form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
const given = new URLSearchParams(location.hash.slice(1));
if (given.has("text")) {
  text.value = given.get("text");
  if (given.has("date")) date.value = given.get("date");
  run();
}
</script>
</body></html>
"""
