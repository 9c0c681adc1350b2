// The stats page's chart: fetches stats.json every sample interval and draws one line per
// request rate on the canvas. Served by Karuta itself; the page's CSP allows no other script.
"use strict";
(function () {
  // Also read by StatsPageBrowserIT, which looks for these colours in a screenshot.
  const COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd"];
  const MARGIN = { left: 56, right: 12, top: 12, bottom: 28 };

  const canvas = document.getElementById("rates");
  if (!canvas || !canvas.getContext) {
    return;
  }
  const source = canvas.getAttribute("data-source");
  let intervalMs = Math.max(1000, 1000 * Number(canvas.getAttribute("data-interval-seconds")));
  let legendKeys = "";

  function legend(keys) {
    if (keys.join() === legendKeys) {
      return;
    }
    legendKeys = keys.join();
    const list = document.getElementById("legend");
    list.textContent = "";
    keys.forEach(function (key, i) {
      const item = document.createElement("li");
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.backgroundColor = COLOURS[i % COLOURS.length];
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(key.replace("_", " ")));
      list.appendChild(item);
    });
  }

  // A round upper bound for the y axis: 1, 2 or 5 times a power of ten.
  function ceiling(value) {
    if (!(value > 0)) {
      return 1;
    }
    const power = Math.pow(10, Math.floor(Math.log10(value)));
    for (const step of [1, 2, 5, 10]) {
      if (value <= step * power) {
        return step * power;
      }
    }
    return 10 * power;
  }

  function label(value) {
    return value >= 10 ? String(Math.round(value)) : String(Number(value.toFixed(2)));
  }

  function draw(keys, rates) {
    const context = canvas.getContext("2d");
    const width = canvas.width;
    const height = canvas.height;
    const plotWidth = width - MARGIN.left - MARGIN.right;
    const plotHeight = height - MARGIN.top - MARGIN.bottom;
    context.clearRect(0, 0, width, height);
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, width, height);
    context.font = "12px sans-serif";

    let max = 0;
    rates.forEach(function (sample) {
      keys.forEach(function (key) {
        max = Math.max(max, Number(sample[key]) || 0);
      });
    });
    const top = ceiling(max);

    context.strokeStyle = "#dddddd";
    context.fillStyle = "#555555";
    context.lineWidth = 1;
    context.textAlign = "right";
    context.textBaseline = "middle";
    // Five steps: a tenth, fifth or half of a power of ten, so the labels are round.
    for (let i = 0; i <= 5; i++) {
      const y = Math.round(MARGIN.top + plotHeight - (plotHeight * i) / 5) + 0.5;
      context.beginPath();
      context.moveTo(MARGIN.left, y);
      context.lineTo(width - MARGIN.right, y);
      context.stroke();
      context.fillText(label((top * i) / 5), MARGIN.left - 6, y);
    }

    if (rates.length === 0) {
      context.textAlign = "center";
      context.fillText("No samples yet", MARGIN.left + plotWidth / 2, MARGIN.top + plotHeight / 2);
      canvas.setAttribute("data-points", "0");
      return;
    }

    context.textAlign = "left";
    context.textBaseline = "top";
    context.fillText(rates[0].at.substring(11, 19), MARGIN.left, height - MARGIN.bottom + 8);
    context.textAlign = "right";
    context.fillText(
      rates[rates.length - 1].at.substring(11, 19) + " UTC",
      width - MARGIN.right,
      height - MARGIN.bottom + 8
    );

    const step = rates.length > 1 ? plotWidth / (rates.length - 1) : 0;
    context.lineWidth = 3;
    context.lineJoin = "round";
    context.lineCap = "round";
    keys.forEach(function (key, k) {
      context.strokeStyle = COLOURS[k % COLOURS.length];
      context.beginPath();
      rates.forEach(function (sample, i) {
        const x = MARGIN.left + step * i;
        const y = MARGIN.top + plotHeight - (plotHeight * (Number(sample[key]) || 0)) / top;
        if (i === 0) {
          context.moveTo(x, y);
        } else {
          context.lineTo(x, y);
        }
      });
      if (rates.length === 1) {
        // A single sample: a short dash, so that it shows.
        const y = MARGIN.top + plotHeight - (plotHeight * (Number(rates[0][key]) || 0)) / top;
        context.lineTo(MARGIN.left + 8, y);
      }
      context.stroke();
    });
    canvas.setAttribute("data-points", String(rates.length));
  }

  function text(id, value) {
    const element = document.getElementById(id);
    if (element) {
      element.textContent = value;
    }
  }

  function uptime(seconds) {
    const d = Math.floor(seconds / 86400);
    const h = Math.floor((seconds % 86400) / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const parts = [];
    if (d > 0) parts.push(d + "d");
    if (d > 0 || h > 0) parts.push(h + "h");
    if (d > 0 || h > 0 || m > 0) parts.push(m + "m");
    parts.push((seconds % 60) + "s");
    return parts.join(" ");
  }

  // Keeps the server-rendered numbers current between page loads.
  function numbers(stats) {
    text("uptime", uptime(stats.uptime_seconds));
    text("sampled-at", stats.sampled_at || "never");
    ["ipv4", "ipv6"].forEach(function (family) {
      const row = document.getElementById(family);
      if (!row) {
        return;
      }
      ["swarms", "seeders", "leechers", "downloads"].forEach(function (field) {
        const cell = row.querySelector("." + field);
        if (cell) {
          cell.textContent = String(stats.store[family][field]);
        }
      });
    });
    document.querySelectorAll("[data-total]").forEach(function (cell) {
      const total = stats.requests.totals[cell.getAttribute("data-total")];
      if (total !== undefined) {
        cell.textContent = String(total);
      }
    });
    const rates = stats.requests.rates;
    const last = rates.length > 0 ? rates[rates.length - 1] : null;
    document.querySelectorAll("[data-rate]").forEach(function (cell) {
      const rate = last ? last[cell.getAttribute("data-rate")] : undefined;
      cell.textContent = rate === undefined ? "-" : String(rate);
    });
  }

  function refresh() {
    fetch(source, { cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("stats.json: HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (stats) {
        const keys = Object.keys(stats.requests.totals);
        legend(keys);
        draw(keys, stats.requests.rates);
        numbers(stats);
        intervalMs = Math.max(1000, 1000 * stats.sample_interval_seconds);
        canvas.removeAttribute("data-error");
      })
      .catch(function (error) {
        canvas.setAttribute("data-error", String(error));
      })
      .finally(function () {
        setTimeout(refresh, intervalMs);
      });
  }

  refresh();
})();
