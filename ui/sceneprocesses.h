#pragma once

#include "trace/actor.h"

#include <QVariantList>

namespace clab {

class Trace;
struct SceneSnapshot;

// The process an actor runs in (itself, for a process); null when the
// trace does not know one.
const ActorInfo *processOf(const Trace &trace, ActorId actor);

// SceneModel::processes: every process of the trace as it is in `snap`
// (see scenemodel.h), the run's own first, then by actor id.
QVariantList processList(const Trace &trace, const SceneSnapshot &snap);

} // namespace clab
