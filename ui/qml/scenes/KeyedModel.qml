import QtQuick

// A ListModel kept equal to an array of rows with a unique `key`, by
// updating rows in place rather than rebuilding: delegates live on from one
// cursor position to the next, so their Behaviors animate the moves (a task
// going from the queue into a worker, an item sliding along the buffer).
// Every row must have the same fields, each always of the same type.
ListModel {
    function sync(rows) {
        const wanted = {}
        for (let i = 0; i < rows.length; ++i)
            wanted[rows[i].key] = rows[i]
        for (let i = count - 1; i >= 0; --i) {
            if (wanted[get(i).key] === undefined)
                remove(i)
        }
        const have = {}
        for (let i = 0; i < count; ++i)
            have[get(i).key] = i
        for (let i = 0; i < rows.length; ++i) {
            if (wanted[rows[i].key] !== rows[i])
                continue   // a repeated key: the last row wins
            const at = have[rows[i].key]
            if (at === undefined) {
                have[rows[i].key] = count
                append(rows[i])
            } else {
                set(at, rows[i])
            }
        }
    }
}
