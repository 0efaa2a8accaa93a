// The proposal editor without round trips: rows are added and removed in the page, the cost-share
// total and the releasability choices follow what is typed. Without this file the same buttons
// post to the server, which does the same (the editor works either way).
"use strict";
(function () {
  const form = document.getElementById("proposal-form");
  if (!form) return;

  // New rows take indices after every existing one: ASP.NET binds rows by their hidden ".Index" values, so gaps are fine.
  let next = Math.max(-1, ...[...form.querySelectorAll(".row[data-index]")].map((r) => parseInt(r.dataset.index, 10) || 0)) + 1;

  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[name=Command]");
    if (!button) return;
    const [action, list] = button.value.split(":");
    if (action === "add") {
      event.preventDefault();
      const fieldset = form.querySelector(`fieldset[data-list="${list}"]`);
      const html = fieldset.querySelector("template").innerHTML.replaceAll("__i__", String(next++));
      const rows = fieldset.querySelector(".row-list");
      rows.insertAdjacentHTML("beforeend", html);
      rows.lastElementChild.querySelector("input, select").focus();
    } else if (action === "remove") {
      event.preventDefault();
      const row = button.closest(".row");
      const fieldset = row.closest("fieldset");
      row.remove();
      fieldset.querySelector("button.add").focus();
      refresh();
    }
  });
  form.addEventListener("input", refresh);
  form.addEventListener("change", refresh);

  function refresh() {
    total();
    releasable();
  }

  function total() {
    const sum = [...form.querySelectorAll("#costShares .row-list input[type=number]")]
      .reduce((acc, input) => acc + (parseFloat(input.value) || 0), 0);
    const output = document.getElementById("share-sum");
    output.textContent = String(Math.round(sum * 100) / 100);
    document.getElementById("share-total").classList.toggle("ok", Math.abs(sum - 100) < 0.001);
  }

  // The releasability checkboxes offer exactly the participating nations, keeping what was ticked.
  function releasable() {
    const box = document.getElementById("releasable-nations");
    const chosen = new Map([...form.querySelectorAll("#participants .row-list input.nation")]
      .map((input) => [code(input.value), input.value])
      .filter(([c]) => c));
    const ticked = new Set([...box.querySelectorAll("input:checked")].map((i) => i.value));
    const present = [...box.querySelectorAll("input")].map((i) => i.value);
    if (present.length === chosen.size && present.every((c) => chosen.has(c))) return;
    box.replaceChildren(...[...chosen].map(([c, label]) => {
      const wrap = document.createElement("label");
      wrap.className = "check";
      const input = document.createElement("input");
      Object.assign(input, { type: "checkbox", name: "Form.ReleasableTo", value: c, id: "releasableTo-" + c, checked: ticked.has(c) });
      wrap.append(input, " " + label);
      return wrap;
    }));
  }

  // Only picks from the list count: "Jordan (JOR)".
  function code(text) {
    const match = /\(([A-Z]{3})\)$/.exec(text.trim());
    return match ? match[1] : "";
  }

  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();
