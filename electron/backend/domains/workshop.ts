/**
 * The facilitator's workshop methods (workshop.*) over the session hub. Participants reach the
 * session only through their own router (electron/server/participant.ts), never through these.
 */
import type { Handlers } from '../registry';
import { workshopHub } from '../workshop/hub';

export const workshopHandlers: Handlers = {
  'workshop.interfaces': (ctx) => workshopHub(ctx).interfaces(),
  'workshop.start': async (ctx, input) => {
    const s = await workshopHub(ctx).start({ interface: input.interface, port: input.port, settings: input.settings, template: input.template, agenda: input.agenda });
    return s.state();
  },
  'workshop.state': (ctx) => workshopHub(ctx).session?.state() ?? null,
  'workshop.events': (ctx, input) => workshopHub(ctx).requireSession().eventsSince({ kind: 'facilitator' }, input.since),
  'workshop.end': (ctx, input) => workshopHub(ctx).end(input.saveRecord),

  'workshop.setAgenda': (ctx, input) => {
    const s = workshopHub(ctx).requireSession();
    s.setAgenda(input.steps);
    return s.state();
  },
  'workshop.gotoStep': (ctx, input) => {
    const s = workshopHub(ctx).requireSession();
    s.goto(input.index);
    return s.state();
  },
  'workshop.timer': (ctx, input) => {
    const s = workshopHub(ctx).requireSession();
    s.timerAction(input);
    return s.state();
  },

  'workshop.removeParticipant': (ctx, input) => {
    workshopHub(ctx).requireSession().remove(input.participantId);
    return null;
  },
  'workshop.setRole': (ctx, input) => {
    workshopHub(ctx).requireSession().setRole(input.participantId, input.role);
    return null;
  },
  'workshop.moderate': (ctx, input) => workshopHub(ctx).requireSession().moderate(input),

  'workshop.groupNotes': (ctx, input) => ({ groupId: workshopHub(ctx).requireSession().group(input.noteIds, input.groupId, input.title) }),
  'workshop.ungroupNotes': (ctx, input) => {
    workshopHub(ctx).requireSession().ungroup(input.noteIds);
    return null;
  },
  'workshop.renameGroup': (ctx, input) => {
    workshopHub(ctx).requireSession().renameGroup(input.groupId, input.title);
    return null;
  },
  'workshop.deleteNote': (ctx, input) => {
    workshopHub(ctx).requireSession().deleteNote(input.noteId);
    return null;
  },
  'workshop.groupsToNeeds': (ctx, input) => ({ needs: workshopHub(ctx).requireSession().groupsToNeeds(input.groupIds, input.lifeEvent) }),

  'workshop.openVote': (ctx, input) => ({ roundId: workshopHub(ctx).requireSession().openVote(input) }),
  'workshop.closeVote': (ctx, input) => {
    workshopHub(ctx).requireSession().closeVote(input.roundId);
    return null;
  },

  'workshop.comment': (ctx, input) => ({ commentId: workshopHub(ctx).requireSession().comment(null, input.target, input.text) }),
  'workshop.deleteComment': (ctx, input) => {
    workshopHub(ctx).requireSession().deleteComment(input.commentId);
    return null;
  },
  'workshop.saveAssessment': (ctx, input) => ({ surveys: workshopHub(ctx).requireSession().saveAssessment(input.stepId) }),

  'workshop.templates': (ctx) => workshopHub(ctx).templates(),
  'workshop.saveTemplate': (ctx, input) => workshopHub(ctx).saveTemplate(input),
  'workshop.deleteTemplate': (ctx, input) => {
    workshopHub(ctx).deleteTemplate(input.id);
    return null;
  },

  'workshop.records': (ctx) => workshopHub(ctx).records(ctx.requireWorkspace()),
  'workshop.record': (ctx, input) => workshopHub(ctx).record(ctx.requireWorkspace(), input.id),
  'workshop.digests': (ctx, input) => workshopHub(ctx).digests(ctx.requireWorkspace(), input.before),
};
