import { expect, test } from "@odoo/hoot";
import { queryAllAttributes, queryAllTexts } from "@odoo/hoot-dom";
import { runAllTimers } from "@odoo/hoot-mock";
import { mailModels } from "@mail/../tests/mail_test_helpers";
import {
    clickSave,
    contains,
    defineModels,
    fields,
    models,
    mountView,
    onRpc,
} from "@web/../tests/web_test_helpers";

const WEEKDAYS = [
    ["0", "Lundi"],
    ["1", "Mardi"],
    ["2", "Mercredi"],
    ["3", "Jeudi"],
    ["4", "Vendredi"],
    ["5", "Samedi"],
    ["6", "Dimanche"],
];
const DAY_PARTS = [
    ["morning", "Matin"],
    ["afternoon", "Après-midi"],
    ["evening", "Soir"],
];

class DuoAvailabilitySlot extends models.Model {
    _name = "duo.availability.slot";

    name = fields.Char();
    weekday = fields.Selection({ selection: WEEKDAYS });
    day_part = fields.Selection({ selection: DAY_PARTS });

    // The server's labels (here in French), one slot per day and part of the day.
    _records = WEEKDAYS.flatMap(([weekday, day], w) =>
        DAY_PARTS.map(([day_part, part], p) => ({
            id: w * 3 + p + 1,
            name: `${day} ${part}`.toLowerCase(),
            weekday,
            day_part,
        }))
    );
}

class DuoMentee extends models.Model {
    _name = "duo.mentee";

    slot_ids = fields.Many2many({ relation: "duo.availability.slot" });

    // Monday morning and Wednesday afternoon.
    _records = [{ id: 1, slot_ids: [1, 8] }];
}

// DUO depends on mail: its services, loaded with this add-on, need their models.
defineModels({ ...mailModels, DuoAvailabilitySlot, DuoMentee });

const arch = (attrs = "") => `
    <form>
        <group>
            <field name="slot_ids" widget="duo_availability_grid" ${attrs}/>
        </group>
    </form>`;

test("a week of 7 days by 3 parts of the day, labelled by the server", async () => {
    await mountView({ type: "form", resModel: "duo.mentee", resId: 1, arch: arch() });

    expect(".o_duo_availability_grid tbody tr").toHaveCount(7);
    expect(".o_duo_availability_grid thead th[scope=col]").toHaveCount(3);
    expect(".o_duo_availability_grid tbody input[type=checkbox]").toHaveCount(21);
    expect(queryAllTexts(".o_duo_availability_grid tbody th[scope=row]")).toEqual(
        WEEKDAYS.map(([, day]) => day)
    );
    expect(queryAllTexts(".o_duo_availability_grid thead th[scope=col]")).toEqual(
        DAY_PARTS.map(([, part]) => part)
    );
    expect(
        queryAllAttributes(".o_duo_availability_grid tr[data-weekday='1'] input", "aria-label")
    ).toEqual(["Mardi matin", "Mardi après-midi", "Mardi soir"]);
    expect(
        queryAllAttributes(".o_duo_availability_grid input:checked", "aria-label")
    ).toEqual(["Lundi matin", "Mercredi après-midi"]);
});

test("ticking and unticking cells saves one batch of slots", async () => {
    onRpc("web_save", ({ args }) => {
        expect.step("web_save");
        expect(args[1].slot_ids).toEqual([
            [4, 6],
            [4, 16],
            [3, 1],
        ]);
    });
    await mountView({ type: "form", resModel: "duo.mentee", resId: 1, arch: arch() });

    await contains("input[aria-label='Mardi soir']").click();
    await contains("input[aria-label='Samedi matin']").click();
    await contains("input[aria-label='Dimanche soir']").click();
    await contains("input[aria-label='Dimanche soir']").click();
    await contains("input[aria-label='Lundi matin']").click();
    await runAllTimers();
    await clickSave();

    expect.verifySteps(["web_save"]);
    expect(
        queryAllAttributes(".o_duo_availability_grid input:checked", "aria-label")
    ).toEqual(["Mardi soir", "Mercredi après-midi", "Samedi matin"]);
});

test("read-only: the same grid with ticks, no inputs", async () => {
    await mountView({
        type: "form",
        resModel: "duo.mentee",
        resId: 1,
        arch: arch('readonly="1"'),
    });

    expect(".o_duo_availability_grid tbody tr").toHaveCount(7);
    expect(".o_duo_availability_grid thead th[scope=col]").toHaveCount(3);
    expect(".o_duo_availability_grid input").toHaveCount(0);
    expect(
        queryAllAttributes(".o_duo_availability_grid i.fa-check", "aria-label")
    ).toEqual(["Lundi matin", "Mercredi après-midi"]);
});
