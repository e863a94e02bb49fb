// Shows the indicative grant as answers are chosen (POST /api/assess records nothing).
// Optional: the form works the same without it. No inline script, so the CSP holds.
"use strict";
(function () {
  const form = document.getElementById("questionnaire");
  const live = document.getElementById("live-total");
  if (!form || !live || !window.fetch) return;
  const csrf = form.querySelector('input[name="csrf"]').value;
  function answers() {
    const chosen = {};
    for (const input of form.querySelectorAll('input[type="radio"]:checked')) {
      chosen[input.name.slice("answer.".length)] = input.value;
    }
    return chosen;
  }
  function allAnswered(chosen) {
    return form.querySelectorAll("fieldset.question").length === Object.keys(chosen).length;
  }
  async function update() {
    const chosen = answers();
    if (!allAnswered(chosen)) {
      live.textContent = "Answer every question to see the indicative grant.";
      return;
    }
    const date = form.querySelector('input[name="date"]').value;
    try {
      const response = await fetch("/api/assess", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify(date ? { date: date, answers: chosen } : { answers: chosen }),
      });
      if (!response.ok) {
        live.textContent = "";
        return;
      }
      const result = await response.json();
      // The total is a decimal string ("2405.00"): grouped as text, never as a float.
      const [whole, pence] = String(result.total).split(".");
      const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
      live.textContent = "Indicative grant with these answers: £" + grouped + "." + pence;
    } catch (error) {
      live.textContent = "";
    }
  }
  form.addEventListener("change", update);
  update();
})();
