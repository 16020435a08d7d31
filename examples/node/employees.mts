// Employees in TypeScript as an ES module (strict): typed pages, inputs, pager and errors.
import { Sandbox, ValidationError, IqtechError, type EmployeePage, type EmployeeInput, type Employee, type ErrorCode, type LowStockRow } from 'iqtech'

const sandbox = await Sandbox.start({ employees: 120 })
const client = sandbox.client({ maxAttempts: 2 })
try {
  const page: EmployeePage = await client.employees.list({ pageSize: 50 })
  const first: Employee | undefined = page.items[0]
  console.log(`page ${page.meta.pageNumber} of ${page.meta.pageCount}: first is ${first?.lastName ?? '-'}`)

  const hire: EmployeeInput = {
    department: 'Maintenance',
    firstName: 'Grace',
    lastName: 'Hopper',
    employeeNumber: 'TS-1',
    language: 'English',
    suspendUntil: null,
  }
  await client.employees.create(hire)
  await client.employees.setPin({ employeeNumber: 'TS-1', pin: '2468' })
  const [found] = await client.employees.lookup({ lastName: 'Hopper' })
  console.log(`created ${found?.employeeNumber} (${found?.language})`)

  const departments = new Map<string, number>()
  for await (const e of client.employees.iter({ concurrency: 2 })) {
    const d = e.department ?? '(none)'
    departments.set(d, (departments.get(d) ?? 0) + 1)
  }
  console.log(`${departments.size} departments`)

  const low: LowStockRow[] = await client.machines.lowStock({ serialNo: sandbox.machineSerials()[0] })
  console.log(`${low.length} low selections on the first machine`)

  try {
    // @ts-expect-error: a mistyped key is a type error here, and a ValidationError at run time
    await client.employees.create({ ...hire, fristName: 'x' })
  } catch (e) {
    if (e instanceof ValidationError) {
      const code: ErrorCode = e.code
      console.log(`${code}: ${e.field}`)
    } else if (e instanceof IqtechError) {
      throw e
    }
  }
} finally {
  await sandbox.stop()
}
