import { Component, onWillUnmount } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useBus } from "@web/core/utils/hooks";
import { debounce } from "@web/core/utils/timing";
import { getFieldDomain } from "@web/model/relational_model/utils";
import { useSpecialData } from "@web/views/fields/relational_utils";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

/**
 * The weekly availability slots (`duo.availability.slot`) as a week grid: one row per day,
 * one column per part of the day, a checkbox per cell (a tick when read-only).
 *
 * The day and part labels are the selection labels of the slot's `weekday` and `day_part`
 * fields, and each cell is named after its slot ("Tuesday evening"): all come translated
 * from the server. Adding and removing ids follows the `many2many_checkboxes` field: the
 * changes are batched into one `addAndRemove` (one onchange), committed after a short pause,
 * before the record is saved, or when the field goes away.
 */
export class AvailabilityGridField extends Component {
    static template = "duo_mentoring.AvailabilityGridField";
    static props = {
        ...standardFieldProps,
        domain: { type: [Array, Function], optional: true },
        context: { type: Object, optional: true },
    };

    setup() {
        this.specialData = useSpecialData(async (orm, props) => {
            const { relation } = props.record.fields[props.name];
            const domain = getFieldDomain(props.record, props.name, props.domain);
            const context = props.context || {};
            const [slots, fields] = await Promise.all([
                orm.call(
                    relation,
                    "search_read",
                    [domain, ["weekday", "day_part", "display_name"]],
                    { context }
                ),
                orm.call(relation, "fields_get", [["weekday", "day_part"]], { context }),
            ]);
            return { slots, days: fields.weekday.selection, parts: fields.day_part.selection };
        });
        this.idsToAdd = new Set();
        this.idsToRemove = new Set();
        this.debouncedCommitChanges = debounce(this.commitChanges.bind(this), 500);
        useBus(this.props.record.model.bus, "NEED_LOCAL_CHANGES", this.commitChanges.bind(this));
        onWillUnmount(this.commitChanges.bind(this));
    }

    get days() {
        return this.specialData.data.days || [];
    }

    get parts() {
        return this.specialData.data.parts || [];
    }

    /**
     * @returns {Object} the slots by weekday, then by part of the day, each with its
     *  accessible label
     */
    get grid() {
        const grid = {};
        for (const slot of this.specialData.data.slots || []) {
            const name = slot.display_name || "";
            grid[slot.weekday] ??= {};
            grid[slot.weekday][slot.day_part] = {
                id: slot.id,
                label: name.charAt(0).toLocaleUpperCase() + name.slice(1),
            };
        }
        return grid;
    }

    isSelected(slot) {
        if (this.idsToAdd.has(slot.id)) {
            return true;
        }
        if (this.idsToRemove.has(slot.id)) {
            return false;
        }
        return this.props.record.data[this.props.name].currentIds.includes(slot.id);
    }

    commitChanges() {
        if (this.idsToAdd.size === 0 && this.idsToRemove.size === 0) {
            return;
        }
        const result = this.props.record.data[this.props.name].addAndRemove({
            add: [...this.idsToAdd],
            remove: [...this.idsToRemove],
        });
        this.idsToAdd.clear();
        this.idsToRemove.clear();
        return result;
    }

    onChange(slot, checked) {
        const ids = this.props.record.data[this.props.name].currentIds;
        this.idsToAdd.delete(slot.id);
        this.idsToRemove.delete(slot.id);
        if (checked && !ids.includes(slot.id)) {
            this.idsToAdd.add(slot.id);
        } else if (!checked && ids.includes(slot.id)) {
            this.idsToRemove.add(slot.id);
        }
        this.debouncedCommitChanges();
    }
}

export const availabilityGridField = {
    component: AvailabilityGridField,
    displayName: _t("Availability grid"),
    supportedTypes: ["many2many"],
    isEmpty: () => false,
    extractProps(fieldInfo, dynamicInfo) {
        return {
            domain: dynamicInfo.domain,
            context: dynamicInfo.context,
        };
    },
};

registry.category("fields").add("duo_availability_grid", availabilityGridField);
