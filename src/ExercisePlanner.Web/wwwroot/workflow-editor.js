// Checks the definition as the administrator types: problems and diagram from the server's own reader.
(() => {
    const form = document.getElementById("workflow-editor");
    const json = document.getElementById("Json");
    const problems = document.getElementById("problems");
    const none = document.getElementById("no-problems");
    const diagram = document.getElementById("diagram");
    let timer;
    json.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
            const response = await fetch("?handler=Check", { method: "POST", body: new FormData(form) });
            if (!response.ok) return;
            const result = await response.json();
            problems.replaceChildren(...result.problems.map(text => Object.assign(document.createElement("li"), { textContent: text })));
            none.hidden = result.problems.length > 0;
            if (result.svg) diagram.innerHTML = result.svg;
        }, 400);
    });
})();
